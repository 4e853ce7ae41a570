package city.mycity.testkit;

import java.nio.charset.StandardCharsets;

/** A message a {@link TestSubscriber} received. */
public record ReceivedMessage(String topic, byte[] payload, int qos, boolean retained) {

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
