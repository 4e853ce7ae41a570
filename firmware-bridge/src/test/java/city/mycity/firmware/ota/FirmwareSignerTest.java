package city.mycity.firmware.ota;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirmwareSignerTest {

    private final KeyPair council = FirmwareSigner.generateKeys();
    private final byte[] bytes = new Random(7)
            .ints(20_000, 0, 256)
            .collect(java.io.ByteArrayOutputStream::new, java.io.ByteArrayOutputStream::write, (a, b) -> {})
            .toByteArray();
    private final FirmwareImage image = new FirmwareImage("ultrasonic-bin-v2", "2.4.1", bytes);
    private final FirmwareManifest manifest = FirmwareSigner.sign(image, council.getPrivate());

    @Test
    void an_image_signed_with_the_councils_key_passes() {
        assertThat(FirmwareSigner.refusal(manifest, bytes, council.getPublic())).isEmpty();
        assertThat(FirmwareManifest.parse(manifest.toJson())).isEqualTo(manifest);
    }

    @Test
    void one_changed_byte_is_refused() {
        byte[] tampered = bytes.clone();
        tampered[12_345] ^= 1;

        assertThat(FirmwareSigner.refusal(manifest, tampered, council.getPublic()))
                .contains("SHA-256 does not match the manifest");
    }

    @Test
    void a_manifest_signed_with_another_key_is_refused() {
        FirmwareManifest forged =
                FirmwareSigner.sign(image, FirmwareSigner.generateKeys().getPrivate());

        assertThat(FirmwareSigner.refusal(forged, bytes, council.getPublic()))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("bad signature"));
    }

    @Test
    void a_manifest_whose_version_was_changed_after_signing_is_refused() {
        FirmwareManifest relabelled = new FirmwareManifest(
                manifest.model(), "9.9.9", manifest.size(), manifest.sha256(), manifest.signature());

        assertThat(FirmwareSigner.refusal(relabelled, bytes, council.getPublic()))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("bad signature"));
    }

    @Test
    void a_truncated_image_is_refused_by_its_size() {
        byte[] truncated = java.util.Arrays.copyOf(bytes, 10_000);

        assertThat(FirmwareSigner.refusal(manifest, truncated, council.getPublic()))
                .contains("size 10000 bytes, the manifest says 20000");
    }
}
