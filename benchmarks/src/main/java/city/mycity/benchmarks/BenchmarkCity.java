package city.mycity.benchmarks;

import city.mycity.reading.DeviceAddress;
import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.DeviceInfo;
import city.mycity.reading.Quantity;
import city.mycity.reading.Reading;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.reading.SensorKind;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.reading.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The inputs of every benchmark, built with the reading model the way devices and gateways build them, the same on
 * every run: a fleet of {@value #DEVICES} devices behind {@value #GATEWAYS} gateways of {@value #DEVICES_PER_GATEWAY}.
 * The first half of the gateways are street gateways (bins, traffic counters and water meters in turn, two quantities
 * each); the second half serve car parks (parking bays, one quantity).
 *
 * <p>The payloads: a device pack of one parking-bay reading, a device pack of a traffic counter (count and speed), and
 * a gateway pack of a street gateway's {@value #DEVICES_PER_GATEWAY} devices ({@value #GATEWAY_PACK_READINGS}
 * readings, joined with {@link SenmlPack#join}). The batch: {@value #BATCH_READINGS} accepted readings as a sink
 * receives them, from five gateway packs (three gateways, two of which report twice, five minutes apart: 600 keys), in
 * random order, as a sink subtask sees the readings of many gateways interleaved.
 */
public final class BenchmarkCity {

    public static final String TENANT = "bench-town";
    public static final int GATEWAYS = 100;
    public static final int DEVICES_PER_GATEWAY = 100;
    public static final int DEVICES = GATEWAYS * DEVICES_PER_GATEWAY;

    /** Readings in each payload and in the batch: the operations per invocation of the benchmarks. */
    public static final int PARKING_BAY_READINGS = 1;

    public static final int TRAFFIC_COUNTER_READINGS = 2;
    public static final int GATEWAY_PACK_READINGS = 2 * DEVICES_PER_GATEWAY;
    public static final int BATCH_READINGS = 1000;

    /** When the readings were taken; each message arrives {@link #TRANSIT} later. */
    public static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    public static final Duration TRANSIT = Duration.ofMillis(150);

    private static final SensorKind[] STREET_KINDS = {SensorKind.BIN, SensorKind.TRAFFIC_COUNTER, SensorKind.WATER};
    private static final long SEED = 20261122L;

    private BenchmarkCity() {}

    public static String gateway(int gateway) {
        return String.format("gw-%03d", gateway);
    }

    /** The kind of the n-th device (0-based) of a gateway. */
    public static SensorKind kind(int gateway, int n) {
        return gateway < GATEWAYS / 2 ? STREET_KINDS[n % STREET_KINDS.length] : SensorKind.PARKING_BAY;
    }

    /** The id of the n-th device (0-based) of a gateway, e.g. {@code bin-00000}, {@code parking-bay-05000}. */
    public static String device(int gateway, int n) {
        return String.format("%s-%05d", kind(gateway, n).code(), gateway * DEVICES_PER_GATEWAY + n);
    }

    /** Every device of the fleet, as the registry knows them. */
    public static List<DeviceInfo> fleet() {
        List<DeviceInfo> devices = new ArrayList<>(DEVICES);
        for (int g = 0; g < GATEWAYS; g++) {
            for (int n = 0; n < DEVICES_PER_GATEWAY; n++) {
                devices.add(new DeviceInfo(
                        TENANT,
                        device(g, n),
                        gateway(g),
                        kind(g, n).code(),
                        String.format("z-%02d", g / 10),
                        g < GATEWAYS / 2 ? null : String.format("cp%03d", g),
                        52.0 + g * 0.001,
                        4.0 + n * 0.0001));
            }
        }
        return devices;
    }

    public static DeviceDirectory directory() {
        return DeviceDirectory.of(fleet());
    }

    /** A validator with the default settings, over the fleet. */
    public static ReadingValidator validator() {
        return ReadingValidator.builder(directory()).build();
    }

    /** The first bay of the first car park reports that a car stands on it. */
    public static SenmlPack parkingBayPack() {
        return devicePack(GATEWAYS / 2, 0, T0, new double[] {1});
    }

    public static Uplink parkingBay() {
        return deviceUplink(GATEWAYS / 2, 0, parkingBayPack());
    }

    /** The same bay reports a value out of range: its one reading is refused. */
    public static Uplink refusedParkingBay() {
        return deviceUplink(GATEWAYS / 2, 0, devicePack(GATEWAYS / 2, 0, T0, new double[] {2}));
    }

    /** The first traffic counter of the first street gateway reports its last interval. */
    public static SenmlPack trafficCounterPack() {
        return devicePack(0, 1, T0, new double[] {87, 42.5});
    }

    public static Uplink trafficCounter() {
        return deviceUplink(0, 1, trafficCounterPack());
    }

    /** Every device of a street gateway reports once, at {@code time}, in one gateway pack. */
    public static SenmlPack gatewayPack(int gateway, Instant time) {
        return gatewayPack(gateway, time, -1);
    }

    /** A gateway pack in which device {@code faulty} (or none, when negative) reports its first quantity out of range. */
    public static SenmlPack gatewayPack(int gateway, Instant time, int faulty) {
        Random random = new Random(SEED + gateway * 31L + time.getEpochSecond());
        List<SenmlPack> packs = new ArrayList<>(DEVICES_PER_GATEWAY);
        for (int n = 0; n < DEVICES_PER_GATEWAY; n++) {
            List<Quantity> quantities = kind(gateway, n).quantities();
            double[] values = new double[quantities.size()];
            for (int q = 0; q < values.length; q++) {
                values[q] = plausible(quantities.get(q), random);
            }
            if (n == faulty) {
                values[0] = quantities.get(0).max() + 1;
            }
            packs.add(devicePack(gateway, n, time, values));
        }
        return SenmlPack.join(packs);
    }

    public static Uplink gatewayUplink(int gateway, Instant time) {
        return gatewayUplink(gateway, time, gatewayPack(gateway, time));
    }

    public static Uplink gatewayUplink(int gateway, Instant time, SenmlPack pack) {
        return new Uplink(
                UplinkTopic.ofGateway(TENANT, gateway(gateway)),
                SenmlCodec.json().encode(pack),
                time.plus(TRANSIT));
    }

    /** {@value #BATCH_READINGS} accepted readings of 600 keys, in random order (see the class comment). */
    public static List<Reading> batch() {
        ReadingValidator validator = validator();
        Instant later = T0.plus(Duration.ofMinutes(5));
        List<Reading> batch = new ArrayList<>(BATCH_READINGS);
        for (Uplink uplink : List.of(
                gatewayUplink(0, T0),
                gatewayUplink(1, T0),
                gatewayUplink(2, T0),
                gatewayUplink(0, later),
                gatewayUplink(1, later))) {
            Validation validation = validator.validate(uplink);
            if (!validation.refused().isEmpty()) {
                throw new IllegalStateException("A benchmark input was refused: " + validation.refused());
            }
            batch.addAll(validation.accepted());
        }
        Collections.shuffle(batch, new Random(SEED));
        return List.copyOf(batch);
    }

    private static SenmlPack devicePack(int gateway, int n, Instant time, double[] values) {
        List<Quantity> quantities = kind(gateway, n).quantities();
        List<SenmlRecord> records = new ArrayList<>(values.length);
        for (int q = 0; q < values.length; q++) {
            records.add(SenmlRecord.measurement(
                    quantities.get(q).name(), values[q], quantities.get(q).unit()));
        }
        long sequence = 1000 + time.getEpochSecond() % 100_000;
        return SenmlPack.of(TENANT, device(gateway, n), time, sequence, records);
    }

    private static Uplink deviceUplink(int gateway, int n, SenmlPack pack) {
        String topic = UplinkTopic.of(new DeviceAddress(TENANT, gateway(gateway), device(gateway, n)));
        return new Uplink(topic, SenmlCodec.json().encode(pack), T0.plus(TRANSIT));
    }

    /** A value a real sensor could send: whole numbers for integral quantities, one decimal otherwise. */
    private static double plausible(Quantity quantity, Random random) {
        double max = Math.min(quantity.max(), quantity.min() + 500);
        double value = quantity.min() + random.nextDouble() * (max - quantity.min());
        return quantity.integral() ? Math.floor(value) : Math.round(value * 10) / 10.0;
    }
}
