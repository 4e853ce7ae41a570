package city.mycity.chaos.cluster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Builds and starts a {@link FlinkCluster}. */
public final class FlinkClusterBuilder {

    private int slots = 2;
    private String jobManagerMemory = "1024m";
    private String taskManagerMemory = "1536m";
    private Path directory;
    private List<Path> classpath;
    private final Map<String, String> settings = new LinkedHashMap<>();

    FlinkClusterBuilder() {}

    /** Task slots of the TaskManager. By default, 2 (one per core of a small build machine). */
    public FlinkClusterBuilder slots(int slots) {
        this.slots = slots;
        return this;
    }

    /** {@code jobmanager.memory.process.size}. By default, {@code 1024m}. */
    public FlinkClusterBuilder jobManagerMemory(String size) {
        this.jobManagerMemory = Objects.requireNonNull(size, "JobManager memory must not be null.");
        return this;
    }

    /** {@code taskmanager.memory.process.size}. By default, {@code 1536m} (managed memory 128m, task heap ~600m). */
    public FlinkClusterBuilder taskManagerMemory(String size) {
        this.taskManagerMemory = Objects.requireNonNull(size, "TaskManager memory must not be null.");
        return this;
    }

    /** Any other Flink setting, e.g. {@code heartbeat.timeout}; it wins over the harness's own. By default, none. */
    public FlinkClusterBuilder set(String key, String value) {
        settings.put(Objects.requireNonNull(key, "Setting key must not be null."), value);
        return this;
    }

    /** Where the configuration, logs and temporary files go. By default, {@code target/flink-cluster/<random>}. */
    public FlinkClusterBuilder directory(Path directory) {
        this.directory = directory;
        return this;
    }

    /**
     * The class path of the cluster's JVMs. By default, the Flink distribution the build lists
     * ({@link FlinkClasspath}).
     */
    public FlinkClusterBuilder classpath(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
        return this;
    }

    /** Starts the JobManager and the TaskManager and waits until the TaskManager's slots are registered. */
    public FlinkCluster start() {
        if (slots < 1) {
            throw new IllegalStateException("A TaskManager needs at least 1 slot, not " + slots + ".");
        }
        if (directory == null) {
            directory = Path.of(
                    "target", "flink-cluster", UUID.randomUUID().toString().substring(0, 8));
        }
        if (classpath == null) {
            classpath = FlinkClasspath.fromBuild();
        }
        return FlinkCluster.start(this);
    }

    int slots() {
        return slots;
    }

    String jobManagerMemory() {
        return jobManagerMemory;
    }

    String taskManagerMemory() {
        return taskManagerMemory;
    }

    Path directory() {
        return directory;
    }

    List<Path> classpath() {
        return classpath;
    }

    Map<String, String> settings() {
        return settings;
    }
}
