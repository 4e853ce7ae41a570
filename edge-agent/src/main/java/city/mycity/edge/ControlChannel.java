package city.mycity.edge;

import java.util.function.Function;

/**
 * The platform's way to the gateway, beside the uplink: it hands the gateway each configuration published for it, and
 * publishes the gateway's answer. Implemented by the MQTT transport (a retained config topic, a retained status
 * topic); the core never sees the protocol.
 */
public interface ControlChannel {

    /**
     * From now on (and after every reconnection), delivers each configuration published on {@code configTopic} to
     * {@code answer} and publishes what it returns on {@code statusTopic}.
     */
    void serveConfig(String configTopic, String statusTopic, Function<byte[], byte[]> answer);
}
