package city.mycity.bench.cpu;

import java.util.List;
import java.util.function.Function;

/** Names the part of the bench's JVM a thread works for, from the thread's name. */
public final class ThreadParts implements Function<String, String> {

    public static final String SIMULATOR = "simulator";
    public static final String BROKER = "broker";
    public static final String JOB = "job";

    /** Threads of the embedded HiveMQ CE (its event loops, executors and persistence). */
    private static final List<String> HIVEMQ = List.of(
            "hivemq",
            "embedded-hivemq",
            "extension-",
            "global-traffic-shaper",
            "scheduled-persistence",
            "single-writer",
            "persistence",
            "cleanup-job",
            "payload-persistence");

    private final String simulatorClientPrefix;
    private final boolean embeddedBroker;

    /**
     * @param simulatorClientPrefix the start of the simulator's MQTT client ids (Paho names its threads after them)
     * @param embeddedBroker whether an embedded broker runs in this JVM
     */
    public ThreadParts(String simulatorClientPrefix, boolean embeddedBroker) {
        this.simulatorClientPrefix = simulatorClientPrefix;
        this.embeddedBroker = embeddedBroker;
    }

    /** The simulator, the broker (when embedded) or, for every other thread, the job (Flink and its clients). */
    @Override
    public String apply(String thread) {
        if (thread.startsWith("mycity-sim")
                || thread.startsWith("mqtt-gateway-link")
                || thread.contains(simulatorClientPrefix)) {
            return SIMULATOR;
        }
        if (embeddedBroker && HIVEMQ.stream().anyMatch(thread::startsWith)) {
            return BROKER;
        }
        return JOB;
    }
}
