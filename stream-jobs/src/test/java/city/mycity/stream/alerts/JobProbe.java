package city.mycity.stream.alerts;

import static org.awaitility.Awaitility.await;

import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.UplinkTopic;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;

/** Tells integration tests when analytics jobs are subscribed, from the readings each has validated. */
public final class JobProbe {

    private final TestBroker broker;
    private final MeterRegistry meters;

    /** @param meters a registry added to Micrometer's global one, where the jobs count in a MiniCluster */
    public JobProbe(TestBroker broker, MeterRegistry meters) {
        this.broker = broker;
        this.meters = meters;
    }

    /** The readings a job of this stage has validated so far. */
    public double received(String stage) {
        Counter counter = meters.find(ReadingMetrics.RECEIVED)
                .tag(ReadingMetrics.STAGE, stage)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Sends a probe until every stage has validated one more reading than {@code before} says: every job is
     * subscribed, and nothing published from now on is lost.
     */
    public void awaitSubscribed(String tenant, Map<String, Double> before) {
        TestPublisher probe = broker.publisher();
        String topic = UplinkTopic.ROOT + "/" + tenant + "/gw-probe/probe-0/up";
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    probe.publish(topic, "[{\"n\":\"probe\"}]");
                    return before.entrySet().stream().allMatch(e -> received(e.getKey()) > e.getValue());
                });
    }
}
