package city.mycity.edge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * What the agent tells the platform of a sensor's message it refused: the device as the sensor named it, the reason
 * (a refusal reason's code), the sentence the sensor was answered, the content format and the bytes (at most {@value
 * #MAX_PAYLOAD_BYTES} of them), as JSON: {@code {"device":"bay-00001","reason":"malformed_payload","detail":"...",
 * "contentFormat":42,"payload":"base64","at":"2026-11-30T12:00:00Z"}}.
 */
public record RefusalReport(
        String device, String reason, String detail, int contentFormat, byte[] payload, Instant at) {

    public static final int MAX_PAYLOAD_BYTES = 4096;

    public byte[] toJson() {
        byte[] kept = payload.length <= MAX_PAYLOAD_BYTES ? payload : Arrays.copyOf(payload, MAX_PAYLOAD_BYTES);
        return ("{\"device\":" + quote(device) + ",\"reason\":" + quote(reason) + ",\"detail\":" + quote(detail)
                        + ",\"contentFormat\":" + contentFormat + ",\"payload\":\""
                        + Base64.getEncoder().encodeToString(kept) + "\",\"at\":\"" + at + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
