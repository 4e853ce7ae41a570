package city.mycity.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.codec.bayframe.BayFrame;
import city.mycity.codec.senml.SenmlJsonDecoder;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadDecodersTest {

    private final PayloadDecoders decoders = PayloadDecoders.defaults();
    private final DeviceRef bay = new DeviceRef("demo-town", "bay-00001");

    @Test
    void the_defaults_read_senml_json_plain_json_and_the_bay_frame() {
        assertThat(decoders.contentFormats())
                .containsExactlyInAnyOrder(ContentFormats.SENML_JSON, ContentFormats.JSON, ContentFormats.BAY_FRAME);
        assertThat(decoders.supports(110)).isTrue();
        assertThat(decoders.supports(60)).isFalse();
    }

    @Test
    void dispatches_each_payload_to_the_decoder_of_its_content_format() {
        byte[] senml = "[{\"n\":\"x\",\"v\":1}]".getBytes(StandardCharsets.UTF_8);
        byte[] frame = new BayFrame(true, 1_700_000_000L, 3).toBytes();

        assertThat(decoders.decode(bay, 110, senml).isOk()).isTrue();
        assertThat(decoders.decode(bay, 50, senml).isOk()).isTrue();
        assertThat(decoders.decode(bay, 65001, frame).isOk()).isTrue();
        assertThat(decoders.decode(bay, 110, frame).isOk()).isFalse();
        assertThat(decoders.decode(bay, 65001, senml).isOk()).isFalse();
    }

    @Test
    void refuses_a_content_format_no_decoder_reads_naming_the_ones_it_reads() {
        Decoded decoded = decoders.decode(bay, 60, new byte[] {1});

        assertThat(decoded.reason()).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
        assertThat(decoded.error()).contains("60").contains("[50, 110, 65001]");
    }

    @Test
    void a_decoder_that_throws_only_gets_its_payload_refused() {
        PayloadDecoder broken = new PayloadDecoder() {
            @Override
            public Set<Integer> contentFormats() {
                return Set.of(65002);
            }

            @Override
            public Decoded decode(DeviceRef device, int contentFormat, byte[] payload) {
                throw new IllegalStateException("bug");
            }
        };

        Decoded decoded = PayloadDecoders.of(List.of(broken)).decode(bay, 65002, new byte[0]);

        assertThat(decoded.isOk()).isFalse();
        assertThat(decoded.error()).contains("bug");
    }

    @Test
    void a_null_payload_is_refused_not_thrown() {
        assertThat(decoders.decode(bay, 110, null).isOk()).isFalse();
        assertThat(decoders.decode(bay, 65001, null).isOk()).isFalse();
    }

    @Test
    void refuses_two_decoders_for_one_content_format() {
        assertThatThrownBy(() -> PayloadDecoders.of(List.of(new SenmlJsonDecoder(), new SenmlJsonDecoder())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one decoder per format");
    }

    @Test
    void a_device_reference_names_the_senml_base_name_and_refuses_bad_identifiers() {
        assertThat(bay.baseName()).isEqualTo("urn:dev:mycity:demo-town:bay-00001:");
        assertThatThrownBy(() -> new DeviceRef("demo-town", "Bay 1")).isInstanceOf(IllegalArgumentException.class);
    }
}
