package city.mycity.simulator.incident;

import city.mycity.citymodel.City;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.generated.GeneratedTown;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SensorKind;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.transport.DeviceLink;
import city.mycity.simulator.water.WaterIncident;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * A working week of a small town (four water sensors, three traffic counters, three bins that never come near full),
 * whose Friday has one problem of each kind: a leak, a burst, a dead counter, a stuck water sensor, a traffic jam, an
 * overflowing bin, and a broken probe sending values out of range. What the analytics jobs must make of it is {@link
 * #expected()}: one alert per problem, at its device; {@link #quiet} is the same town without problems.
 *
 * <p>The week runs from Monday 3 March 2025, midnight in London, to Saturday 14:00 ({@link #span()}): as much of
 * Saturday as a watermark {@link #OUT_OF_ORDERNESS} behind needs to pass the end of Friday.
 */
public final class ProblemWeek {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** Monday 3 March 2025, midnight in London. */
    public static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");
    /** The end of Friday, which every analytics job must have passed before its alerts are counted. */
    public static final Instant FRIDAY_ENDS = MONDAY.plus(Duration.ofDays(5));
    /**
     * How far behind the newest device time the jobs must take readings in order: days go by in seconds, and each
     * gateway publishes on its own session, so a gateway a few packs behind the others is hours of device time behind.
     */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofHours(12);

    private static final long HOUR = 3_600_000L;
    private static final long SEED = 3;

    private final City town;
    private final List<WaterIncident> water;
    private final List<DeviceIncident> devices;
    private final List<String> expected;

    private ProblemWeek(City town, List<WaterIncident> water, List<DeviceIncident> devices, List<String> expected) {
        this.town = town;
        this.water = water;
        this.devices = devices;
        this.expected = expected;
    }

    /** The week of the generated town (seed 7) of this tenant, with Friday's problems. */
    public static ProblemWeek troubled(String tenant) {
        City town = town(tenant);
        List<Sensor> water = ofKind(town, SensorKind.WATER, 4);
        List<Sensor> counters = ofKind(town, SensorKind.TRAFFIC_COUNTER, 3);
        Sensor bin = ofKind(town, SensorKind.BIN, 1).get(0);
        long friday = MONDAY.toEpochMilli() + 4 * 24 * HOUR;
        List<WaterIncident> mains = List.of(
                new WaterIncident(
                        water.get(0).id(), WaterIncident.Kind.LEAK, friday + HOUR / 2, Long.MAX_VALUE, 0.06, 0.05),
                new WaterIncident(
                        water.get(1).id(), WaterIncident.Kind.BURST, friday + 10 * HOUR, friday + 12 * HOUR, 0.4, 1.5));
        List<DeviceIncident> devices = List.of(
                new DeviceIncident(
                        counters.get(0).id(), DeviceIncident.Kind.DEAD, friday + 9 * HOUR, Long.MAX_VALUE, 1),
                new DeviceIncident(
                        water.get(2).id(), DeviceIncident.Kind.STUCK, friday + 12 * HOUR, friday + 16 * HOUR, 1),
                new DeviceIncident(
                        counters.get(1).id(),
                        DeviceIncident.Kind.CONGESTION,
                        friday + 14 * HOUR,
                        friday + 15 * HOUR,
                        0.3),
                new DeviceIncident(bin.id(), DeviceIncident.Kind.OVERFLOW, friday + 8 * HOUR, friday + 20 * HOUR, 20),
                new DeviceIncident(
                        water.get(3).id(), DeviceIncident.Kind.OUT_OF_RANGE, friday + 6 * HOUR, friday + 8 * HOUR, 1));
        return new ProblemWeek(
                town,
                mains,
                devices,
                List.of(
                        water.get(0).id() + " leak",
                        water.get(1).id() + " burst",
                        counters.get(0).id() + " offline",
                        water.get(2).id() + " stuck",
                        counters.get(1).id() + " congestion",
                        bin.id() + " bin-full",
                        water.get(3).id() + " out-of-range"));
    }

    /** The same town of this tenant without problems: it must raise no alert. */
    public static ProblemWeek quiet(String tenant) {
        return new ProblemWeek(town(tenant), List.of(), List.of(), List.of());
    }

    /** The town: register it before the jobs read its readings. */
    public City town() {
        return town;
    }

    /** The alerts the week must raise, each as "device problem". */
    public List<String> expected() {
        return expected;
    }

    /** How much device time the week runs: to Saturday 14:00. */
    public static Duration span() {
        return Duration.between(MONDAY, FRIDAY_ENDS).plus(OUT_OF_ORDERNESS).plusHours(2);
    }

    /** A simulator of the week (no faults, its own seed), sending to the link at most this many messages a second. */
    public Simulator.Builder simulator(DeviceLink link, double messageRate) {
        return Simulator.builder()
                .city(town)
                .link(link)
                .faults(FaultProfile.none())
                .seed(SEED)
                .timeZone(ZONE)
                .start(MONDAY)
                .waterIncidents(water)
                .deviceIncidents(devices)
                .messageRate(messageRate)
                .meterRegistry(new SimpleMeterRegistry());
    }

    private static City town(String tenant) {
        CityModel generated = GeneratedTown.builder().tenant(tenant).seed(7).build();
        List<Sensor> water = ofKind(generated, SensorKind.WATER, 4);
        List<Sensor> counters = ofKind(generated, SensorKind.TRAFFIC_COUNTER, 3);
        List<Sensor> bins = ofKind(generated, SensorKind.BIN, 12);
        City all = City.part(
                generated,
                List.of(),
                Stream.of(water, counters, bins).flatMap(List::stream).toList());
        Map<String, Double> fullest = fullestBins(all);
        List<Sensor> calmBins = bins.stream()
                .filter(b -> fullest.getOrDefault(b.id(), 100.0) < 80)
                .limit(3)
                .toList();
        if (calmBins.size() < 3) {
            throw new IllegalStateException("The generated town has fewer than 3 bins that stay under 80% all week.");
        }
        return City.part(
                generated,
                List.of(),
                Stream.of(water, counters, calmBins).flatMap(List::stream).toList());
    }

    private static List<Sensor> ofKind(CityModel city, SensorKind kind, int count) {
        return city.sensors().stream()
                .filter(s -> s.kind() == kind)
                .limit(count)
                .toList();
    }

    /** How full each bin of the city gets in the week without problems, from the simulator's own messages. */
    private static Map<String, Double> fullestBins(City city) {
        Map<String, Double> fullest = new HashMap<>();
        DeviceLink recorder = new DeviceLink() {
            @Override
            public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload, SenmlPack pack) {
                if (sensor.kind() == SensorKind.BIN && pack != null) {
                    for (ResolvedRecord record : pack.resolve()) {
                        if (record.name().endsWith(":fill") && record.value() != null) {
                            fullest.merge(sensor.id(), record.value(), Math::max);
                        }
                    }
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean packsGateways() {
                return true;
            }

            @Override
            public void open(String tenant, Collection<Sensor> sensors) {}
        };
        new ProblemWeek(city, List.of(), List.of(), List.of())
                .simulator(recorder, Double.POSITIVE_INFINITY)
                .build()
                .runFor(span());
        return fullest;
    }
}
