package city.mycity.gateway.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.gateway.credentials.Subject;
import org.junit.jupiter.api.Test;

class BrokerAccessTest {

    @Test
    void a_gateway_writes_its_own_uplinks_and_status_and_reads_its_own_configuration() {
        assertThat(BrokerAccess.ofGateway("north", "g1"))
                .containsExactlyInAnyOrder(
                        TopicGrant.write("mycity/v1/north/g1/up"),
                        TopicGrant.write("mycity/v1/north/g1/+/up"),
                        TopicGrant.write("mycity/v1/north/g1/config/status"),
                        TopicGrant.write("mycity/v1/north/g1/refused"),
                        TopicGrant.read("mycity/v1/north/g1/config"));
    }

    @Test
    void a_device_is_filed_under_its_gateway_and_has_nothing_without_one() {
        assertThat(BrokerAccess.of(Subject.device("north", "bin-1"), s -> "g1"))
                .containsExactly(
                        TopicGrant.write("mycity/v1/north/g1/bin-1/up"),
                        TopicGrant.read("mycity/v1/north/g1/bin-1/config"));
        assertThat(BrokerAccess.of(Subject.device("north", "bin-1"), s -> null)).isEmpty();
    }

    @Test
    void only_the_ingest_service_reads_uplinks_and_an_unknown_service_has_nothing() {
        assertThat(BrokerAccess.ofService(BrokerAccess.INGEST)).allMatch(g -> g.access() == TopicGrant.Access.READ);
        assertThat(BrokerAccess.ofService(BrokerAccess.REPLAY)).allMatch(g -> g.access() == TopicGrant.Access.WRITE);
        assertThat(BrokerAccess.ofService("anything-else")).isEmpty();
    }
}
