package city.mycity.codec.senml;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.DeviceRef;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenmlJsonDecoderTest {

    private final SenmlJsonDecoder decoder = new SenmlJsonDecoder();
    private final DeviceRef bin = new DeviceRef("demo-town", "bin-00001");

    @Test
    void reads_a_pack_exactly_as_the_device_wrote_it() {
        SenmlPack pack = SenmlPack.of(
                "demo-town",
                "bin-00001",
                Instant.parse("2025-01-01T00:00:00Z"),
                4,
                List.of(SenmlRecord.measurement("fill", 55, "%"), SenmlRecord.measurement("temperature", 4.5, "Cel")));

        assertThat(decoder.decode(bin, 110, SenmlCodec.json().encode(pack)).pack())
                .isEqualTo(pack);
    }

    @Test
    void refuses_json_that_is_not_a_senml_pack() {
        assertThat(decoder.decode(bin, 50, "{\"fill\":55}".getBytes(StandardCharsets.UTF_8))
                        .reason())
                .isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
        assertThat(decoder.decode(bin, 110, "[{\"v\":\"55\"}]".getBytes(StandardCharsets.UTF_8))
                        .reason())
                .isEqualTo(RefusalReason.WRONG_TYPE);
    }
}
