package city.mycity.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the HiveMQ CE {@code config.xml} of an embedded broker: one MQTT listener on 127.0.0.1, deep per-client
 * queues so that a persistent QoS 1 session loses nothing while its client is away, the longest session expiry MQTT 5
 * allows, and no usage statistics.
 */
public final class BrokerConfigFile {

    /** The largest session expiry interval MQTT 5 can express (about 136 years). */
    public static final long MAX_SESSION_EXPIRY_SECONDS = 4_294_967_295L;

    private BrokerConfigFile() {}

    public static Path write(Path configFolder, int port, long maxQueuedMessages, boolean filePersistence) {
        String xml = """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                        <session-expiry>
                            <max-interval>%d</max-interval>
                        </session-expiry>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                    <persistence>
                        <mode>%s</mode>
                    </persistence>
                </hivemq>
                """.formatted(
                        port, maxQueuedMessages, MAX_SESSION_EXPIRY_SECONDS, filePersistence ? "file" : "in-memory");
        Path file = configFolder.resolve("config.xml");
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the broker configuration " + file, e);
        }
        return file;
    }
}
