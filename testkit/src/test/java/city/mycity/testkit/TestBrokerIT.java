package city.mycity.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TestBrokerIT {

    /** The embedded broker always; the real one too when MYCITY_IT_MQTT_URL is set. */
    static Stream<Named<Supplier<TestBroker>>> brokers() {
        Stream<Named<Supplier<TestBroker>>> embedded = Stream.of(Named.of("embedded", TestBroker::embedded));
        String url = System.getenv(TestBroker.MQTT_URL);
        if (url == null || url.isBlank()) {
            return embedded;
        }
        Supplier<TestBroker> real =
                () -> TestBroker.onServer(url, System.getenv(TestBroker.USERNAME), System.getenv(TestBroker.PASSWORD));
        return Stream.concat(embedded, Stream.of(Named.of("real", real)));
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void delivers_a_published_message_to_a_subscriber_of_the_same_tenant(Supplier<TestBroker> server) {
        try (TestBroker broker = server.get()) {
            String tenant = broker.tenant();
            TestSubscriber subscriber = broker.subscriber("mycity/v1/" + tenant + "/+/+/up");

            broker.publisher().publish("mycity/v1/" + tenant + "/gw-z-a1/bay-00001/up", "{\"v\":1}");

            ReceivedMessage message = subscriber.awaitCount(1).get(0);
            assertThat(message.topic()).isEqualTo("mycity/v1/" + tenant + "/gw-z-a1/bay-00001/up");
            assertThat(message.text()).isEqualTo("{\"v\":1}");
            assertThat(message.qos()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void keeps_the_messages_of_one_tenant_away_from_another(Supplier<TestBroker> server) {
        try (TestBroker broker = server.get()) {
            String mine = broker.tenant();
            String other = broker.tenant();
            TestSubscriber subscriber = broker.subscriber("mycity/v1/" + mine + "/#");
            TestPublisher publisher = broker.publisher();

            publisher.publish("mycity/v1/" + other + "/gw/dev/up", "theirs");
            publisher.publish("mycity/v1/" + mine + "/gw/dev/up", "mine");

            subscriber.awaitCount(1);
            assertThat(other).isNotEqualTo(mine).matches("it-[0-9a-f]{8}");
            assertThat(subscriber.texts()).containsExactly("mine");
        }
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void delivers_a_burst_of_qos1_messages_completely_and_in_order(Supplier<TestBroker> server) {
        try (TestBroker broker = server.get()) {
            String topic = "mycity/v1/" + broker.tenant() + "/gw/burst/up";
            TestSubscriber subscriber = broker.subscriber(topic);
            TestPublisher publisher = broker.publisher();

            for (int i = 0; i < 500; i++) {
                publisher.publish(topic, "m" + i);
            }

            assertThat(subscriber.awaitCount(500)).hasSize(500);
            assertThat(subscriber.texts()).startsWith("m0", "m1").endsWith("m499");
        }
    }

    @Test
    void gives_unique_client_ids_within_a_run() {
        try (TestBroker broker = TestBroker.create()) {
            assertThat(broker.clientId("job"))
                    .isNotEqualTo(broker.clientId("job"))
                    .startsWith("job-");
        }
    }

    @Test
    void uses_the_real_broker_exactly_when_the_environment_names_one() {
        boolean configured = System.getenv(TestBroker.MQTT_URL) != null;
        try (TestBroker broker = TestBroker.create()) {
            assertThat(broker.isReal()).isEqualTo(configured);
        }
    }

    @Test
    void requires_a_password_on_the_embedded_broker() {
        try (TestBroker broker = TestBroker.embedded()) {
            assertThat(broker.username()).isNotBlank();
            assertThat(broker.password()).isNotBlank();
        }
    }
}
