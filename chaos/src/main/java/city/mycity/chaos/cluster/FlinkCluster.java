package city.mycity.chaos.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.PackagedProgramUtils;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.rest.messages.EmptyMessageParameters;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.rest.messages.taskmanager.TaskManagersHeaders;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A standalone Flink session cluster on this machine, started as an operator starts one: a JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner}) in their own JVMs, from a
 * {@code config.yaml} directory, on the class path of a Flink distribution ({@link FlinkClasspath}) and never the
 * job's. Jobs are submitted over REST as {@code flink run} does: {@link #submit(Path, String...)} runs the job jar's
 * {@code main} here to build the job graph and uploads it with the jar.
 *
 * <p>Everything binds to 127.0.0.1 on free ports. The configuration, the logs ({@code jobmanager.log},
 * {@code taskmanager-<n>.log}, each with its {@code .out}) and Flink's temporary files go to
 * {@code target/flink-cluster/<run>/}. The TaskManager can be stopped, killed ({@code kill -9}) and started again;
 * {@link #close()} stops everything.
 *
 * <pre>{@code
 * try (FlinkCluster flink = FlinkCluster.builder().start()) {
 *     JobID job = flink.submit(jobJar, "--mycity.mqtt.url=tcp://127.0.0.1:1883", ...);
 *     flink.awaitStatus(job, JobStatus.RUNNING);
 * }
 * }</pre>
 */
public final class FlinkCluster implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String JOB_MANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

    private final Configuration config;
    private final Path directory;
    private final Path confDir;
    private final Path logDir;
    private final List<Path> classpath;
    private final int slots;
    private final Thread reaper = new Thread(this::killAll, "flink-cluster-reaper");
    private final RestClusterClient<StandaloneClusterId> client;
    // Read by the reaper (shutdown hook) too.
    private volatile FlinkProcess jobManager;
    private volatile FlinkProcess taskManager;
    private int taskManagersStarted;

    private FlinkCluster(FlinkClusterBuilder builder, int rpcPort, int restPort) {
        this.directory = builder.directory().toAbsolutePath();
        this.confDir = directory.resolve("conf");
        this.logDir = directory.resolve("log");
        this.classpath = builder.classpath();
        this.slots = builder.slots();
        this.config = new Configuration();
        config.set(JobManagerOptions.ADDRESS, LOOPBACK);
        config.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        config.set(JobManagerOptions.PORT, rpcPort);
        config.set(RestOptions.ADDRESS, LOOPBACK);
        config.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        config.set(RestOptions.PORT, restPort);
        config.set(TaskManagerOptions.HOST, LOOPBACK);
        config.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        config.setString(JobManagerOptions.TOTAL_PROCESS_MEMORY.key(), builder.jobManagerMemory());
        config.setString(TaskManagerOptions.TOTAL_PROCESS_MEMORY.key(), builder.taskManagerMemory());
        // The job keeps its state on the heap (hashmap backend): managed memory would only take from the task heap.
        config.setString(TaskManagerOptions.MANAGED_MEMORY_SIZE.key(), "128m");
        config.set(CoreOptions.TMP_DIRS, directory.resolve("tmp").toString());
        builder.settings().forEach(config::setString);
        try {
            this.client = new RestClusterClient<>(clientConfiguration(), StandaloneClusterId.getInstance());
        } catch (Exception e) {
            throw new IllegalStateException("Could not create a REST client for " + restUrl(), e);
        }
    }

    /** A builder for a cluster of one JobManager and one TaskManager. */
    public static FlinkClusterBuilder builder() {
        return new FlinkClusterBuilder();
    }

    static FlinkCluster start(FlinkClusterBuilder builder) {
        int[] ports = freePorts(2);
        FlinkCluster cluster = new FlinkCluster(builder, ports[0], ports[1]);
        Runtime.getRuntime().addShutdownHook(cluster.reaper);
        try {
            cluster.writeConfiguration();
            cluster.startJobManager();
            cluster.startTaskManager();
            System.out.println("FlinkCluster: JobManager " + cluster.jobManager + " (REST " + cluster.restUrl()
                    + "), TaskManager " + cluster.taskManager + " with " + cluster.slots + " slots; logs in "
                    + cluster.logDir);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The REST endpoint, {@code http://127.0.0.1:<port>}. */
    public String restUrl() {
        return "http://" + LOOPBACK + ":" + config.get(RestOptions.PORT);
    }

    /** What a client needs to reach the cluster (a copy: changing it changes nothing here). */
    public Configuration clientConfiguration() {
        Configuration client = new Configuration();
        client.set(RestOptions.ADDRESS, LOOPBACK);
        client.set(RestOptions.PORT, config.get(RestOptions.PORT));
        return client;
    }

    /** What the jobs on the cluster have done, as its REST API tells. */
    public JobProgress progress() {
        return new JobProgress(restUrl());
    }

    /** The cluster's REST client (closed with it). */
    public RestClusterClient<StandaloneClusterId> client() {
        return client;
    }

    /**
     * Submits a job jar as {@code flink run} does: runs its {@code main} with {@code arguments} in this JVM (in a class
     * loader of the jar, child first) to get the job graph, then uploads the graph and the jar over REST.
     */
    public JobID submit(Path jobJar, String... arguments) throws Exception {
        return submit(jobJar, null, arguments);
    }

    /** As {@link #submit(Path, String...)}, resuming from a savepoint (or a retained checkpoint) when one is given. */
    public JobID submit(Path jobJar, String savepoint, String... arguments) throws Exception {
        return submit(jobJar, null, savepoint, arguments);
    }

    /**
     * As {@link #submit(Path, String, String...)}, running the {@code main} of {@code entryClass} (the jar's own main
     * class when {@code null}).
     */
    public JobID submit(Path jobJar, String entryClass, String savepoint, String... arguments) throws Exception {
        Configuration clientConfig = clientConfiguration();
        PackagedProgram program = PackagedProgram.newBuilder()
                .setJarFile(jobJar.toFile())
                .setEntryPointClassName(entryClass)
                .setArguments(arguments)
                .setConfiguration(clientConfig)
                .setSavepointRestoreSettings(
                        savepoint == null
                                ? SavepointRestoreSettings.none()
                                : SavepointRestoreSettings.forPath(savepoint, false))
                .build();
        try {
            JobGraph graph = PackagedProgramUtils.createJobGraph(program, clientConfig, 1, false);
            return client().submitJob(graph).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            program.close();
        }
    }

    public JobStatus status(JobID job) throws Exception {
        return client().getJobStatus(job).get(1, TimeUnit.MINUTES);
    }

    private JobStatus statusOrNull(JobID job) {
        try {
            return status(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null; // the REST call failed this time: the wait polls again
        }
    }

    /** Waits until the job has the status (failing at once if it ends in another). */
    public void awaitStatus(JobID job, JobStatus status) {
        Poll.until(
                "job " + job + " " + status,
                START_TIMEOUT,
                Duration.ofMillis(500),
                () -> {
                    JobStatus now = statusOrNull(job);
                    if (now != null && now.isGloballyTerminalState() && now != status) {
                        throw new IllegalStateException(
                                "Job " + job + " is " + now + "; see " + logDir + "\n" + jobManager.tail(40));
                    }
                },
                () -> status(job) == status);
    }

    /** Stops the job with a savepoint in {@code directory} (as {@code flink stop}) and returns the savepoint's path. */
    public String stopWithSavepoint(JobID job, Path directory) throws Exception {
        String savepoint = client().stopWithSavepoint(
                        job, false, directory.toAbsolutePath().toUri().toString(), SavepointFormatType.CANONICAL)
                .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        awaitStatus(job, JobStatus.FINISHED);
        return savepoint;
    }

    /** Cancels the job and waits until it is cancelled. */
    public void cancel(JobID job) throws Exception {
        client().cancel(job).get(1, TimeUnit.MINUTES);
        awaitStatus(job, JobStatus.CANCELED);
    }

    /**
     * Starts a TaskManager and waits until the JobManager has registered it with its slots. Each one has the resource
     * id and log name {@code taskmanager-<n>}, counting from 1 over the cluster's life.
     */
    public void startTaskManager() {
        if (taskManager != null && taskManager.isAlive()) {
            throw new IllegalStateException("The TaskManager " + taskManager + " is running: stop or kill it first.");
        }
        String name = "taskmanager-" + ++taskManagersStarted;
        Configuration tm = new Configuration(config);
        tm.set(TaskManagerOptions.TASK_MANAGER_RESOURCE_ID, name);
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(tm);
        List<String> arguments = new ArrayList<>(List.of("--configDir", confDir.toString()));
        arguments.addAll(List.of("-D", TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + name));
        arguments.addAll(words(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
        taskManager = FlinkProcess.start(
                name,
                TASK_MANAGER_MAIN,
                classpath,
                logDir,
                confDir.resolve("logback.xml"),
                words(ProcessMemoryUtils.generateJvmParametersStr(spec)),
                arguments);
        awaitUp(taskManager, () -> registeredTaskManagers().contains(name));
    }

    /** Stops the TaskManager as an operator would (SIGTERM): it shuts down cleanly and says so to the JobManager. */
    public void stopTaskManager() {
        taskManager.stop();
    }

    /** Kills the TaskManager with {@code kill -9}: no shutdown hook, the JobManager finds out by heartbeat. */
    public void killTaskManager() {
        taskManager.kill();
    }

    /** The running TaskManager's process id (for tests that signal it themselves). */
    public long taskManagerPid() {
        return taskManager.pid();
    }

    public Path logDirectory() {
        return logDir;
    }

    /** Closes the client and stops the TaskManager, then the JobManager. */
    @Override
    public void close() {
        client.close();
        if (taskManager != null) {
            taskManager.stop();
        }
        if (jobManager != null) {
            jobManager.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the reaper runs anyway and finds nothing left.
        }
    }

    private void startJobManager() {
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(config);
        List<String> arguments = new ArrayList<>(List.of("--configDir", confDir.toString()));
        arguments.addAll(words(JobManagerProcessUtils.generateDynamicConfigsStr(spec)));
        jobManager = FlinkProcess.start(
                "jobmanager",
                JOB_MANAGER_MAIN,
                classpath,
                logDir,
                confDir.resolve("logback.xml"),
                words(JobManagerProcessUtils.generateJvmParametersStr(spec, config)),
                arguments);
        awaitUp(jobManager, () -> client().getClusterOverview().get(10, TimeUnit.SECONDS) != null);
    }

    private void awaitUp(FlinkProcess process, Callable<Boolean> up) {
        try {
            Poll.until(
                    process.name() + " up",
                    START_TIMEOUT,
                    Duration.ofMillis(500),
                    () -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Flink process exited while starting: " + process.tail(40));
                        }
                    },
                    up);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + process.tail(40), e.getCause());
        }
    }

    /**
     * The resource ids ({@code taskmanager-<n>}) of the TaskManagers the JobManager lists with all their slots. A
     * killed TaskManager stays listed until its heartbeat times out.
     */
    public List<String> registeredTaskManagers() throws Exception {
        return client()
                .sendRequest(
                        TaskManagersHeaders.getInstance(),
                        EmptyMessageParameters.getInstance(),
                        EmptyRequestBody.getInstance())
                .get(10, TimeUnit.SECONDS)
                .getTaskManagerInfos()
                .stream()
                .filter(info -> info.getNumberSlots() == slots)
                .map(info -> info.getResourceId().getResourceIdString())
                .toList();
    }

    /** config.yaml (flat keys, every value a quoted string) and a Logback configuration writing to -Dlog.file. */
    private void writeConfiguration() {
        String yaml = config.toMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": '" + e.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining("\n", "", "\n"));
        String logback = """
                <configuration>
                  <appender name="file" class="ch.qos.logback.core.FileAppender">
                    <file>${log.file}</file>
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="file"/></root>
                </configuration>
                """;
        try {
            Files.createDirectories(confDir);
            Files.writeString(confDir.resolve("config.yaml"), yaml, StandardCharsets.UTF_8);
            Files.writeString(confDir.resolve("logback.xml"), logback, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Flink configuration to " + confDir, e);
        }
    }

    private void killAll() {
        if (taskManager != null) {
            taskManager.kill();
        }
        if (jobManager != null) {
            jobManager.kill();
        }
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** Ports free right now on the loopback address, all different (held together while they are chosen). */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK)));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports on " + LOOPBACK, e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // A socket that will not close still gave its port number.
                }
            }
        }
    }

    @Override
    public String toString() {
        return "FlinkCluster[" + restUrl() + ", " + directory + "]";
    }
}
