package city.mycity.edge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * A gateway's answer to a configuration, published on its status topic: applied, or refused with the reason, and in
 * both cases the version it runs.
 *
 * @param offered the version offered, or {@code null} when it could not be read
 * @param applied whether the offered configuration runs now
 * @param reason why it was refused, or {@code null}
 * @param running the version the gateway runs after this answer
 */
public record ConfigStatus(Long offered, boolean applied, String reason, long running) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ConfigStatus applied(long version) {
        return new ConfigStatus(version, true, null, version);
    }

    static ConfigStatus refused(Long offered, String reason, long running) {
        return new ConfigStatus(offered, false, reason, running);
    }

    /** {@code {"version":4,"status":"refused","reason":"...","running":3}}, or {@code "status":"applied"}. */
    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        if (offered == null) {
            node.putNull("version");
        } else {
            node.put("version", offered);
        }
        node.put("status", applied ? "applied" : "refused");
        if (reason != null) {
            node.put("reason", reason);
        }
        node.put("running", running);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
