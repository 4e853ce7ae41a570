package city.mycity.gateway.refusals;

import city.mycity.reading.GatewayTopics;
import city.mycity.reading.Identifiers;
import city.mycity.reading.UplinkTopic;
import city.mycity.storage.RefusalWriter;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what the edge agents refused into the refusal store: it reads every gateway's refused topic
 * ({@code mycity/v1/{tenant}/{gateway}/refused}, a shared subscription, so several may run) and writes each report as
 * a refusal of the device it names, with its reason, the sentence the sensor was answered ("at the edge: ...") and the
 * bytes. A report that is not one is logged and dropped; a report is acknowledged once written.
 */
public final class EdgeRefusalCollector implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(EdgeRefusalCollector.class);
    private static final String FILTER = "$share/mycity-refusals/" + UplinkTopic.ROOT + "/+/+/" + GatewayTopics.REFUSED;

    private final MqttClient client;
    private final RefusalWriter writer;

    private EdgeRefusalCollector(MqttClient client, RefusalWriter writer) {
        this.client = client;
        this.writer = writer;
    }

    /** As {@link #start(DataSource, String, String, String, String)} with a client id of its own for this start. */
    public static EdgeRefusalCollector start(DataSource store, String url, String username, String password)
            throws MqttException {
        return start(store, url, username, password, "mycity-refusals-" + UUID.randomUUID());
    }

    /**
     * Connects (waiting at most 30 s) and subscribes; Paho reconnects and subscribes again on its own. The session is
     * kept by the broker for a day under {@code clientId}: reports that arrive while the collector (or its database) is
     * away wait for it, and one that could not be written is sent again. Give each collector its own id.
     */
    public static EdgeRefusalCollector start(
            DataSource store, String url, String username, String password, String clientId) throws MqttException {
        MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
        client.setTimeToWait(30_000);
        EdgeRefusalCollector collector = new EdgeRefusalCollector(client, new RefusalWriter(store));
        client.setCallback(collector.new Reports());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(24L * 60 * 60);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options);
        client.subscribe(FILTER, 1);
        return collector;
    }

    /** Writes one report; false when it is not a report (logged). */
    boolean collect(String topic, byte[] payload) {
        String[] levels = topic.split("/");
        if (levels.length != 5 || !Identifiers.isValid(levels[2]) || !Identifiers.isValid(levels[3])) {
            LOGGER.debug("Not a refused topic: {}", topic);
            return false;
        }
        try {
            JsonObject report = new JsonObject(new String(payload, StandardCharsets.UTF_8));
            String device = report.getString("device");
            String reason = report.getString("reason");
            String detail = report.getString("detail", "");
            byte[] bytes = Base64.getDecoder().decode(report.getString("payload", ""));
            if (reason == null || !reason.matches("[a-z_]{1,40}")) {
                LOGGER.debug("A refusal report from {} without a reason", topic);
                return false;
            }
            writer.record(
                    levels[2],
                    Identifiers.isValid(device) ? device : null,
                    topic,
                    bytes,
                    reason,
                    "at the edge: " + (detail.length() > 500 ? detail.substring(0, 500) : detail));
            return true;
        } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
            LOGGER.debug("Not a refusal report on {}: {}", topic, e.toString());
            return false;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not store a refusal report: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    private final class Reports implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            collect(topic, message.getPayload());
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                try {
                    client.subscribe(FILTER, 1);
                } catch (MqttException e) {
                    LOGGER.warn("Could not subscribe to the refused topics again: {}", e.toString());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOGGER.info("Refusal collector disconnected: {}", response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOGGER.warn("Refusal collector: {}", exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
