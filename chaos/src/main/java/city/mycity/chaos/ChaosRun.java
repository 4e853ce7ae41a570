package city.mycity.chaos;

import city.mycity.citymodel.City;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.generated.GeneratedTown;
import city.mycity.codec.DeviceProfiles;
import city.mycity.simulator.DeviceTally;
import city.mycity.simulator.Ledger;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.frames.VendorProfiles;
import city.mycity.simulator.transport.DeviceLink;
import city.mycity.simulator.transport.coap.CoapDeviceLink;
import city.mycity.simulator.transport.mqtt.MqttGatewayLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;

/**
 * A chaos run: the platform on real parts ({@link ChaosPlatform}), the simulator sending the generated town's
 * readings in gateway packs without faults at the chosen rate, and one fault after another while they flow. After
 * each fault it measures the time until the store holds every reading sent up to 2 s after the part came back; at the
 * end it stops sending, waits until the store has caught up and compares it with the simulator's ledger: the count,
 * and a tally per device.
 */
public final class ChaosRun {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration AFTER_FAULT = Duration.ofSeconds(2);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    /** The sensors a gateway is built to serve (the edge issue's figure). */
    private static final long GATEWAY_SENSORS = 500;

    private final ChaosOptions options;
    private final ChaosListener listener;

    public ChaosRun(ChaosOptions options, ChaosListener listener) {
        this.options = options;
        this.listener = listener;
    }

    public ChaosReport run() throws Exception {
        CityModel city = GeneratedTown.builder().tenant("chaos-town").seed(42).build();
        listener.started("broker, database and Flink cluster");
        try (ChaosPlatform platform = ChaosPlatform.start(options.workFolder(), city, 2)) {
            listener.started("the readings job on the cluster");
            platform.startReadingsJob();
            if (options.edge()) {
                return runThroughEdge(platform, city);
            }
            try (MqttGatewayLink link = MqttGatewayLink.builder(platform.brokerUrl())
                    .username(platform.brokerUser())
                    .password(platform.brokerPassword())
                    .clientIdPrefix("chaos-sim-")
                    .gatewayPacks(200, Duration.ofMillis(50))
                    .maxInFlight(64)
                    .resendFor(Duration.ofMinutes(5))
                    .build()) {
                return runWhileSending(
                        platform, simulator(city, link).build(), city.sensors().size());
            }
        }
    }

    /**
     * The edge run: the sensors of one gateway of the town (the one nearest 500 sensors) post over CoAP/DTLS, each with its own key, to that
     * gateway's standalone edge agent, which keeps their readings in its outbox and sends them up through a proxy.
     * A sensor sends again what got no answer (as when the agent was killed), for up to 5 minutes.
     */
    private ChaosReport runThroughEdge(ChaosPlatform platform, CityModel town) throws Exception {
        // The gateway nearest the size a gateway is built for (500 sensors; the generated town's have 4 to 1,749).
        String gateway = town.sensors().stream()
                .collect(Collectors.groupingBy(Sensor::gateway, Collectors.counting()))
                .entrySet()
                .stream()
                .min(Comparator.comparing((Map.Entry<String, Long> e) -> Math.abs(e.getValue() - GATEWAY_SENSORS))
                        .thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        City city = OneGateway.of(town, gateway);
        listener.started("the edge agent of " + gateway + " for its "
                + city.sensors().size() + " sensors (DTLS, vendor frames)");
        DeviceProfiles profiles = VendorProfiles.of(city);
        EdgeGateway edge = platform.startEdge(city.tenant(), gateway, profiles);
        try (CoapDeviceLink link = CoapDeviceLink.builder("127.0.0.1", edge.coapPort())
                .dtls(edge::key)
                .maxInFlight(64)
                .timeout(Duration.ofSeconds(5))
                .resendFor(Duration.ofMinutes(5))
                .build()) {
            return runWhileSending(
                    platform,
                    simulator(city, link).vendorFrames(profiles).build(),
                    city.sensors().size());
        }
    }

    private Simulator.Builder simulator(CityModel city, DeviceLink link) {
        return Simulator.builder()
                .city(city)
                .link(link)
                .faults(FaultProfile.none())
                .messageRate(options.messageRate())
                .tallyPerDevice(true)
                .confirmTimeout(Duration.ofMinutes(5));
    }

    private ChaosReport runWhileSending(ChaosPlatform platform, Simulator simulator, int devices) throws Exception {
        Ledger ledger = simulator.ledger();
        int chunk = (int) Math.max(1, options.messageRate());
        SimulatorThread sender = SimulatorThread.repeating(() -> simulator.runUntil(chunk));
        long started = System.nanoTime();
        sender.start();
        List<ChaosReport.Recovery> recoveries = new ArrayList<>();
        try {
            listener.started("readings flowing (warm-up " + options.warmUp().toSeconds() + " s)");
            pause(options.warmUp(), sender);
            for (Scenario scenario : options.scenarios()) {
                listener.faultInjected(scenario);
                ChaosReport.Recovery recovery =
                        injectAndRecover(platform, ledger, scenario, options.recoveryTimeout(), sender);
                recoveries.add(recovery);
                listener.recovered(recovery);
                pause(options.settle(), sender);
            }
        } finally {
            sender.stop();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long stored = drain(platform, ledger, listener);
        Map<String, ChaosReport.Mismatch> mismatches = compare(ledger.tallies(), platform.tallies());
        return new ChaosReport(
                recoveries,
                ledger.messagesSent(),
                ledger.validReadings(),
                stored,
                devices,
                ledger.validReadings() / seconds,
                mismatches);
    }

    /**
     * Injects the fault and measures the recovery: until every job runs and the store holds every reading sent up to 2
     * s after the part came back.
     */
    static ChaosReport.Recovery injectAndRecover(
            ChaosPlatform platform, Ledger ledger, Scenario scenario, Duration timeout, SimulatorThread sender)
            throws Exception {
        long start = System.nanoTime();
        platform.inject(scenario);
        Duration faultTook = Duration.ofNanos(System.nanoTime() - start);
        pause(AFTER_FAULT, sender);
        long target = ledger.validReadings();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (platform.storedReadings() < target || platform.jobStatus() != JobStatus.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("After '" + scenario.description() + "' the store did not catch up within "
                        + timeout + " (" + platform.storedReadings() + " of " + target
                        + " readings; job " + platform.jobStatus() + "); Flink logs in " + platform.logFolder());
            }
            sender.check();
            Thread.sleep(POLL.toMillis());
        }
        return new ChaosReport.Recovery(scenario, faultTook, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Waits until the store holds every valid reading the ledger counts; returns the rows stored. */
    static long drain(ChaosPlatform platform, Ledger ledger, ChaosListener listener) throws Exception {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        long stored = platform.storedReadings();
        while (stored < ledger.validReadings() && System.nanoTime() < deadline) {
            listener.catchingUp(stored, ledger.validReadings());
            Thread.sleep(POLL.toMillis());
            stored = platform.storedReadings();
        }
        listener.catchingUp(stored, ledger.validReadings());
        return stored;
    }

    static Map<String, ChaosReport.Mismatch> compare(Map<String, DeviceTally> sent, Map<String, DeviceTally> stored) {
        Map<String, ChaosReport.Mismatch> mismatches = new TreeMap<>();
        Map<String, DeviceTally> all = new HashMap<>(stored);
        sent.forEach((device, tally) -> all.putIfAbsent(device, DeviceTally.NONE));
        for (String device : all.keySet()) {
            DeviceTally expected = sent.getOrDefault(device, DeviceTally.NONE);
            DeviceTally actual = stored.getOrDefault(device, DeviceTally.NONE);
            if (!expected.equals(actual)) {
                mismatches.put(device, new ChaosReport.Mismatch(expected, actual));
            }
        }
        return mismatches;
    }

    static void pause(Duration duration, SimulatorThread sender) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            sender.check();
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }
}
