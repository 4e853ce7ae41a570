package city.mycity.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service says of itself at {@code GET /health}: a status word and a few facts, as JSON. A service that serves
 * answers 200 (for {@code up} and {@code degraded}), one that cannot answers 503 ({@code down}), so that systemd, a
 * load balancer or a watchdog can act on the code alone.
 *
 * @param status {@code up}, {@code degraded} (serving, with a part away) or {@code down}
 * @param details facts for the operator, by name, in order (numbers and booleans as they are, the rest as text)
 */
public record Health(String status, Map<String, Object> details) {

    public static final String UP = "up";
    public static final String DEGRADED = "degraded";
    public static final String DOWN = "down";

    public Health {
        if (!UP.equals(status) && !DEGRADED.equals(status) && !DOWN.equals(status)) {
            throw new IllegalArgumentException("Health status must be up, degraded or down, but was " + status + ".");
        }
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** 200 while the service serves, 503 when it is down. */
    public int httpStatus() {
        return DOWN.equals(status) ? 503 : 200;
    }

    /** {@code {"status":"up","detail":value,...}}. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"status\":").append(quote(status));
        details.forEach((name, value) -> {
            json.append(',').append(quote(name)).append(':');
            json.append(value instanceof Number || value instanceof Boolean ? String.valueOf(value) : quote(value));
        });
        return json.append('}').toString();
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
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
