package city.mycity.firmware.ota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a sensor needs to check an image before it applies it: model, version, size, SHA-256 and the Ed25519
 * signature over them ({@link FirmwareSigner}).
 *
 * @param sha256 the image's SHA-256, lower-case hex
 * @param signature the Ed25519 signature, base64
 */
public record FirmwareManifest(String model, String version, long size, String sha256, String signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bytes the signature covers: model, version, size and hash, one a line. */
    byte[] signedContent() {
        return (model + "\n" + version + "\n" + size + "\n" + sha256).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("model", model)
                .put("version", version)
                .put("size", size)
                .put("sha256", sha256)
                .put("signature", signature);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a manifest; {@link IllegalArgumentException} naming what is missing or wrong. */
    public static FirmwareManifest parse(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a firmware manifest is a JSON object");
            }
            return new FirmwareManifest(
                    text(node, "model"),
                    text(node, "version"),
                    node.path("size").asLong(-1),
                    text(node, "sha256"),
                    text(node, "signature"));
        } catch (IOException e) {
            throw new IllegalArgumentException("the firmware manifest is not JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the firmware manifest has no '" + field + "'");
        }
        return value.asText();
    }
}
