package city.mycity.chaos;

import city.mycity.chaos.cluster.JobProgress;
import city.mycity.reading.UplinkTopic;
import city.mycity.simulator.Ledger;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.incident.ProblemWeek;
import city.mycity.simulator.transport.mqtt.MqttGatewayLink;
import city.mycity.stream.alerts.Domain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The analytics jobs under the platform's faults: the readings job and one analytics job per {@link Domain} on the
 * Flink cluster of {@link ChaosPlatform}, while the simulator sends the {@link ProblemWeek} (a small town's working
 * week with one problem of each kind on Friday) and the faults strike one after another from Tuesday noon to Friday
 * noon, device time. At the end, the store must hold exactly the readings sent, and the alerts must be one per
 * problem and none else: a restart that replays messages must not double an alert, lose one, or call a device
 * offline that was not.
 */
public final class AnalyticsChaosRun {

    /** The TaskManager's slots: 2 for the readings job, 1 for each analytics job. */
    static final int SLOTS = 2 + Domain.values().length;

    private static final String TENANT = "chaos-week";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration CATCH_UP = Duration.ofMinutes(5);
    private static final Instant FIRST_FAULT = ProblemWeek.MONDAY.plus(Duration.ofHours(36));
    private static final Instant LAST_FAULT = ProblemWeek.MONDAY.plus(Duration.ofHours(4 * 24 + 12));

    private final ChaosOptions options;
    private final ChaosListener listener;

    public AnalyticsChaosRun(ChaosOptions options, ChaosListener listener) {
        this.options = options;
        this.listener = listener;
    }

    public AnalyticsChaosReport run() throws Exception {
        ProblemWeek week = ProblemWeek.troubled(TENANT);
        listener.started("broker, database and Flink cluster (" + SLOTS + " slots)");
        try (ChaosPlatform platform = ChaosPlatform.start(options.workFolder(), week.town(), SLOTS)) {
            listener.started("the readings job and the analytics jobs on the cluster");
            platform.startReadingsJob();
            platform.startAnalyticsJobs(ProblemWeek.ZONE, ProblemWeek.OUT_OF_ORDERNESS);
            awaitSubscribed(platform);
            try (MqttGatewayLink link = MqttGatewayLink.builder(platform.brokerUrl())
                    .username(platform.brokerUser())
                    .password(platform.brokerPassword())
                    .clientIdPrefix("chaos-week-sim-")
                    .gatewayPacks(50, Duration.ofMillis(50))
                    .resendFor(Duration.ofMinutes(5))
                    .build()) {
                Simulator simulator = week.simulator(link, options.messageRate())
                        .tallyPerDevice(true)
                        .confirmTimeout(Duration.ofMinutes(5))
                        .build();
                return runWeek(platform, week, simulator);
            }
        }
    }

    private AnalyticsChaosReport runWeek(ChaosPlatform platform, ProblemWeek week, Simulator simulator)
            throws Exception {
        Ledger ledger = simulator.ledger();
        SimulatorThread sender = SimulatorThread.once(() -> simulator.runFor(ProblemWeek.span()));
        long started = System.nanoTime();
        listener.started("the week of " + week.town().sensors().size() + " sensors, "
                + week.expected().size() + " problems on Friday, at " + Math.round(options.messageRate())
                + " messages/s");
        sender.start();
        List<ChaosReport.Recovery> recoveries = new ArrayList<>();
        List<Scenario> scenarios = options.scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            Instant due = scenarios.size() == 1
                    ? LAST_FAULT
                    : FIRST_FAULT.plus(Duration.between(FIRST_FAULT, LAST_FAULT)
                            .multipliedBy(i)
                            .dividedBy(scenarios.size() - 1));
            while (simulator.simulatedNow().isBefore(due) && sender.isAlive()) {
                sender.check();
                Thread.sleep(POLL.toMillis());
            }
            listener.faultInjected(scenarios.get(i));
            ChaosReport.Recovery recovery =
                    ChaosRun.injectAndRecover(platform, ledger, scenarios.get(i), options.recoveryTimeout(), sender);
            recoveries.add(recovery);
            listener.recovered(recovery);
        }
        sender.stop();
        double seconds = (System.nanoTime() - started) / 1e9;
        long stored = ChaosRun.drain(platform, ledger, listener);
        awaitAnalytics(platform);
        ChaosReport readings = new ChaosReport(
                recoveries,
                ledger.messagesSent(),
                ledger.validReadings(),
                stored,
                week.town().sensors().size(),
                ledger.validReadings() / seconds,
                ChaosRun.compare(ledger.tallies(), platform.tallies()));
        return new AnalyticsChaosReport(readings, week.expected(), platform.alerts(TENANT));
    }

    /**
     * Publishes a message of a device nobody knows (refused by every job, stored by none) until every job's source has
     * taken one in: each is subscribed, and nothing the simulator sends from now on is lost to it.
     */
    private void awaitSubscribed(ChaosPlatform platform) throws Exception {
        JobProgress progress = platform.progress();
        String topic = UplinkTopic.ROOT + "/" + TENANT + "/gw-probe/probe-0/up";
        MqttConnectionOptions connection = new MqttConnectionOptions();
        connection.setUserName(platform.brokerUser());
        connection.setPassword(platform.brokerPassword().getBytes(StandardCharsets.UTF_8));
        MqttClient probe = new MqttClient(
                platform.brokerUrl(),
                "chaos-probe-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        try {
            probe.connect(connection);
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            while (!allSubscribed(platform, progress)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("The jobs did not all subscribe within " + CATCH_UP);
                }
                probe.publish(topic, "[{\"n\":\"probe\"}]".getBytes(StandardCharsets.UTF_8), 1, false);
                Thread.sleep(POLL.toMillis());
            }
        } finally {
            disconnect(probe);
        }
    }

    private static boolean allSubscribed(ChaosPlatform platform, JobProgress progress) throws Exception {
        for (String job : platform.jobNames()) {
            if (progress.recordsOut(platform.job(job), "uplinks") == 0) {
                return false;
            }
        }
        return true;
    }

    private static void disconnect(MqttClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            // The probe is done with; the broker drops its session.
        }
    }

    /**
     * Waits until every analytics job has passed the end of Friday (the input watermark of its alerts) and has then
     * completed a checkpoint, at which its alert sink wrote what it had.
     */
    private void awaitAnalytics(ChaosPlatform platform) throws Exception {
        listener.started("waiting for every analytics job to pass Friday and write its alerts");
        JobProgress progress = platform.progress();
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        for (Domain domain : Domain.values()) {
            String job = domain.code();
            OptionalLong watermark = OptionalLong.empty();
            while (watermark.isEmpty() || watermark.getAsLong() < ProblemWeek.FRIDAY_ENDS.toEpochMilli()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("The " + job + " job did not pass the end of Friday within " + CATCH_UP
                            + " (watermark " + watermark + "); Flink logs in " + platform.logFolder());
                }
                Thread.sleep(POLL.toMillis());
                watermark = progress.inputWatermark(platform.job(job), job + "-alerts");
            }
            long passed = System.currentTimeMillis();
            while (progress.lastCheckpointTriggered(platform.job(job)).orElse(0) <= passed) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("The " + job + " job completed no checkpoint within " + CATCH_UP);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }
}
