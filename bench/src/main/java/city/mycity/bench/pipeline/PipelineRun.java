package city.mycity.bench.pipeline;

import city.mycity.bench.MessageForm;
import city.mycity.bench.cpu.CpuMeter;
import city.mycity.bench.cpu.ThreadParts;
import city.mycity.bench.exception.BenchException;
import city.mycity.bench.services.BrokerEndpoint;
import city.mycity.reading.UplinkTopic;
import city.mycity.settings.Settings;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.transport.mqtt.MqttGatewayLink;
import city.mycity.stream.ReadingsJob;
import city.mycity.stream.Sinks;
import city.mycity.stream.StreamSettings;
import city.mycity.stream.mqtt.MqttSource;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.sink.JdbcConnector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job running on a local MiniCluster with the simulator publishing to it at a rate the bench sets: the tables
 * emptied first, the job started with its own shared-subscription group, the simulator (faults off) sending through a
 * {@link PacedLink} in the run's message form. {@link #close()} stops the simulator, then cancels the job.
 */
final class PipelineRun implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(PipelineRun.class);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    /** The simulated clock may run this much faster than life; the {@link PacedLink} is what holds the rate. */
    private static final double SPEED = 1e7;
    /** A job's MQTT sessions outlive it this long, then the broker stops queueing for its group. */
    private static final Duration SESSION_EXPIRY = Duration.ofSeconds(5);

    private final PipelineContext context;
    private final String label;
    private final JobClient job;
    private final MqttGatewayLink link;
    private final Throttle throttle = new Throttle();
    private final Simulator simulator;
    private final CpuMeter cpu;
    private final long storedAtStart;

    private PipelineRun(PipelineContext context, String label, JobClient job, MqttGatewayLink link) {
        this.context = context;
        this.label = label;
        this.job = job;
        this.link = link;
        this.storedAtStart = context.meter().stored();
        this.simulator = Simulator.builder()
                .city(context.city())
                .seed(context.options().seed())
                .link(new PacedLink(link, throttle))
                .faults(FaultProfile.none())
                .messageRate(Double.POSITIVE_INFINITY)
                .speed(SPEED)
                .meterRegistry(new SimpleMeterRegistry())
                .build();
        this.cpu = new CpuMeter(
                new ThreadParts(
                        context.simulatorPrefix(), context.broker().kind() == BrokerEndpoint.Kind.EMBEDDED_HIVEMQ),
                context.processes());
    }

    /** Empties the tables, starts the job and the (paused) simulator. */
    static PipelineRun start(
            PipelineContext context, MessageForm form, boolean unchained, JobSizing sizing, int runNumber) {
        String label = form.code() + ", " + (unchained ? "unchained" : "chained");
        emptyTables(context);
        String run = "r" + runNumber;
        JobClient job = startJob(context, sizing, unchained, context.clientPrefix() + "job-" + run);
        MqttGatewayLink link;
        try {
            MqttGatewayLink.Builder builder = MqttGatewayLink.builder(
                            context.broker().url())
                    .username(context.broker().username())
                    .password(context.broker().password())
                    .clientIdPrefix(context.simulatorPrefix() + run + "-")
                    .maxInFlight(inFlight(context.broker().kind()))
                    .connectTimeout(Duration.ofSeconds(30))
                    .resendFor(Duration.ofSeconds(30));
            if (form == MessageForm.PACKS) {
                builder.gatewayPacks(
                        context.options().packReadings(), context.options().packLinger());
            }
            link = builder.build();
        } catch (RuntimeException e) {
            cancel(job);
            throw e;
        }
        try {
            PipelineRun pipeline = new PipelineRun(context, label, job, link);
            pipeline.simulator.start();
            return pipeline;
        } catch (RuntimeException e) {
            link.close();
            cancel(job);
            throw e;
        }
    }

    /**
     * The simulator's window per gateway: HiveMQ CE allows 10, and Paho counts a publish as in progress a little after
     * it reports it acknowledged (paho.mqtt.java#993), so two below that; other brokers allow more.
     */
    private static int inFlight(BrokerEndpoint.Kind broker) {
        return broker == BrokerEndpoint.Kind.EMBEDDED_HIVEMQ ? 8 : 64;
    }

    private static JobClient startJob(PipelineContext context, JobSizing sizing, boolean unchained, String group) {
        BrokerEndpoint broker = context.broker();
        MqttSource source = MqttSource.builder(broker.url())
                .username(broker.username())
                .password(broker.password())
                .group(group)
                .topicFilters(UplinkTopic.ofTenant(context.city().tenant()))
                .connections(sizing.connections())
                .receiveMaximum(sizing.receiveMaximum())
                .sessionExpiry(SESSION_EXPIRY)
                .build();
        JdbcConnector database = new JdbcConnector(context.database().settings());
        Sinks sinks = Sinks.jdbc(database, sizing.batchSize());
        ReadingsJob job = ReadingsJob.builder(
                        source, new JdbcDeviceRegistry(database), unchained ? UnchainedSink.all(sinks) : sinks)
                .build();
        Settings settings = Settings.of(Map.of(
                StreamSettings.PARALLELISM.key(),
                Integer.toString(sizing.parallelism()),
                StreamSettings.CHECKPOINT_INTERVAL.key(),
                sizing.checkpointInterval().toMillis() + "ms"));
        try {
            return job.start(ReadingsJob.configure(StreamExecutionEnvironment.createLocalEnvironment(), settings));
        } catch (Exception e) {
            throw new BenchException("Could not start the Flink job: " + e.getMessage(), e);
        }
    }

    private static void emptyTables(PipelineContext context) {
        try (Connection c = context.dataSource().getConnection();
                Statement statement = c.createStatement()) {
            statement.execute("TRUNCATE reading, sensor_state, car_park_occupancy, zone_occupancy, refusal,"
                    + " refused_message");
        } catch (SQLException e) {
            throw new BenchException("Could not empty the bench's tables: " + e.getMessage(), e);
        }
    }

    /** Sends at a low rate until the job stores readings, then a little longer, so that it is warm. */
    void warmUp(double rate, Duration extra) throws InterruptedException {
        throttle.rate(rate);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (stored() == 0) {
            if (System.nanoTime() > deadline) {
                throw new BenchException("The job stored nothing within 90 s of the simulator's first message (" + label
                        + "): is the broker reachable from the job, and the database?");
            }
            context.listener().status(label + ": waiting for the job's first stored reading");
            TimeUnit.MILLISECONDS.sleep(200);
        }
        context.listener().status(label + ": warming up at " + Rates.format(rate) + " readings/s");
        TimeUnit.NANOSECONDS.sleep(extra.toNanos());
    }

    /**
     * Holds the rate for settle + hold and judges the backlog over the hold; stops early, failed, when a third of the
     * hold (at least 5 s) shows the pipeline far behind ({@link StepVerdict#clearlyBehind()}), so that a rate far
     * above what it takes neither wastes the hold nor leaves a backlog that takes minutes to store.
     */
    StepVerdict hold(double rate, Duration settle, Duration hold, String step) throws InterruptedException {
        return holdAndMeasure(rate, settle, hold, step, true, boundary -> {});
    }

    /** Holds the rate, and measures lag and CPU over the hold (not the settle time). */
    LatencyRun latency(double rate, Duration settle, Duration hold) throws InterruptedException {
        LagHistogram.Snapshot[] lag = new LagHistogram.Snapshot[2];
        CpuMeter.Snapshot[] cpuSnapshots = new CpuMeter.Snapshot[2];
        StepVerdict verdict =
                holdAndMeasure(rate, settle, hold, "latency at " + Rates.format(rate), false, boundary -> {
                    lag[boundary] = context.meter().lag();
                    cpuSnapshots[boundary] = cpu.snapshot();
                });
        return new LatencyRun(
                rate, verdict, LagHistogram.between(lag[0], lag[1]), cpu.between(cpuSnapshots[0], cpuSnapshots[1]));
    }

    /** Runs at the rate; calls {@code boundary} with 0 when the hold begins and 1 when it ends. */
    private StepVerdict holdAndMeasure(
            double rate, Duration settle, Duration hold, String step, boolean failFast, Consumer<Integer> boundary)
            throws InterruptedException {
        throttle.rate(rate);
        List<BacklogSample> samples = new ArrayList<>();
        long began = System.nanoTime();
        long sent0 = sent();
        long stored0 = stored();
        double settleSeconds = settle.toNanos() / 1e9;
        double endSeconds = settleSeconds + hold.toNanos() / 1e9;
        double judgeFrom = settleSeconds + Math.max(5, hold.toNanos() / 3e9);
        boolean holding = false;
        while (true) {
            double seconds = (System.nanoTime() - began) / 1e9;
            if (!holding && seconds >= settleSeconds) {
                holding = true;
                boundary.accept(0);
            }
            BacklogSample sample = new BacklogSample(seconds, sent() - sent0, stored() - stored0);
            samples.add(sample);
            if (seconds >= endSeconds) {
                boundary.accept(1);
                break;
            }
            if (failFast && seconds >= judgeFrom && seconds < endSeconds - 1) {
                StepVerdict sofar = StepVerdict.judge(rate, samples, settleSeconds);
                if (sofar.clearlyBehind()) {
                    return sofar.stoppedEarly();
                }
            }
            context.listener()
                    .status(String.format(
                            "%s: %s, %s readings/s, %,.0f s left, backlog %,d",
                            label, step, Rates.format(rate), endSeconds - seconds, backlog()));
            TimeUnit.NANOSECONDS.sleep(
                    Math.min(SAMPLE_EVERY.toNanos(), Math.max(1, (long) ((endSeconds - seconds) * 1e9))));
        }
        return StepVerdict.judge(rate, samples, settleSeconds);
    }

    /** Stops sending until the backlog is (nearly) stored; false if it was not within the timeout. */
    boolean drain(Duration timeout, double lastRate) throws InterruptedException {
        throttle.rate(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        long allowed = Math.max(1000, (long) (lastRate * 0.05));
        while (backlog() > allowed) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            context.listener().status(String.format("%s: draining, backlog %,d", label, backlog()));
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return true;
    }

    private long sent() {
        return simulator.ledger().readingsSent();
    }

    private long stored() {
        return context.meter().stored() - storedAtStart;
    }

    long backlog() {
        return sent() - stored();
    }

    @Override
    public void close() {
        throttle.close();
        try {
            simulator.close();
        } finally {
            link.close();
            cancel(job);
        }
    }

    /** Cancels the job and waits until it stopped, so that no reader outlives the run. */
    private static void cancel(JobClient job) {
        try {
            job.cancel().get(30, TimeUnit.SECONDS);
            job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException cancelled) {
            LOGGER.debug(
                    "Flink job {} stopped: {}",
                    job.getJobID(),
                    cancelled.getCause().toString());
        } catch (TimeoutException e) {
            LOGGER.warn("Flink job {} did not stop within 30 s", job.getJobID());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
