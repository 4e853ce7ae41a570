package city.mycity.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UplinkTopicTest {

    private final DeviceAddress address = new DeviceAddress("demo-town", "gw-z-a1", "cp001-b0001");

    @Test
    void formats_tenant_gateway_and_device_under_the_versioned_root() {
        assertThat(UplinkTopic.of(address)).isEqualTo("mycity/v1/demo-town/gw-z-a1/cp001-b0001/up");
    }

    @Test
    void parses_what_it_formats() {
        assertThat(UplinkTopic.parse(UplinkTopic.of(address))).contains(address);
    }

    @Test
    void parses_nothing_from_a_topic_outside_the_scheme() {
        for (String topic : List.of(
                "mycity/v1/demo-town/gw-z-a1/cp001-b0001",
                "mycity/v1/demo-town/gw-z-a1/cp001-b0001/down",
                "mycity/v1/demo-town/gw-z-a1/cp001-b0001/up/",
                "mycity/v1/demo-town//cp001-b0001/up",
                "mycity/v1/demo-town/+/cp001-b0001/up",
                "mycity/v1/Demo-Town/gw-z-a1/cp001-b0001/up",
                "/mycity/v1/demo-town/gw-z-a1/cp001-b0001/up",
                "mycity/v10/demo-town/gw-z-a1/cp001-b0001/up",
                "mycity/v1",
                "")) {
            assertThat(UplinkTopic.parse(topic)).as(topic).isEmpty();
        }
        assertThat(UplinkTopic.parse(null)).isEmpty();
    }

    @Test
    void builds_filters_for_every_tenant_one_tenant_and_a_shared_group() {
        assertThat(UplinkTopic.allTenants()).isEqualTo("mycity/v1/+/+/+/up");
        assertThat(UplinkTopic.tenant("monaco")).isEqualTo("mycity/v1/monaco/+/+/up");
        assertThat(UplinkTopic.shared("stream", UplinkTopic.allTenants()))
                .isEqualTo("$share/stream/mycity/v1/+/+/+/up");
    }

    @Test
    void refuses_to_build_a_filter_from_an_identifier_with_wildcards() {
        assertThatThrownBy(() -> UplinkTopic.tenant("#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UplinkTopic.shared("a/b", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_address_refuses_invalid_identifiers_and_prints_as_a_path() {
        assertThatThrownBy(() -> new DeviceAddress("demo-town", "gw/1", "d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway");
        assertThat(address).hasToString("demo-town/gw-z-a1/cp001-b0001");
    }

    @Test
    void a_gateway_pack_topic_names_the_tenant_and_gateway_but_no_device() {
        String topic = UplinkTopic.ofGateway("demo-town", "gw-z-a1");

        assertThat(topic).isEqualTo("mycity/v1/demo-town/gw-z-a1/up");
        assertThat(UplinkTopic.origin(topic)).contains(new UplinkOrigin("demo-town", "gw-z-a1", null));
        assertThat(UplinkTopic.origin(topic).orElseThrow().isGatewayPack()).isTrue();
        assertThat(UplinkTopic.parse(topic)).isEmpty();
    }

    @Test
    void the_filters_of_a_tenant_match_device_packs_and_gateway_packs() {
        assertThat(UplinkTopic.everyTenant()).containsExactly("mycity/v1/+/+/+/up", "mycity/v1/+/+/up");
        assertThat(UplinkTopic.ofTenant("monaco")).containsExactly("mycity/v1/monaco/+/+/up", "mycity/v1/monaco/+/up");
    }
}
