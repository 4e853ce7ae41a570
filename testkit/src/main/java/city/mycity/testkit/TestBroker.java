package city.mycity.testkit;

import city.mycity.embedded.EmbeddedBroker;
import city.mycity.testkit.internal.Environment;
import city.mycity.testkit.internal.RandomIds;
import city.mycity.testkit.internal.SharedEmbedded;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * An MQTT 5 broker for one test class, with ids that no other run uses.
 *
 * <p>When {@value #MQTT_URL} is set (with {@value #USERNAME} and {@value #PASSWORD} if the broker wants them), that
 * broker is used; otherwise the embedded HiveMQ CE broker that all tests of the JVM share. It prints one line saying
 * which. Each run works under its own {@link #tenant()} (topics {@code mycity/v1/{tenant}/...}) and its own
 * {@link #clientId(String) client ids}, so runs never see each other's messages. {@link #close()} disconnects the
 * subscribers and publishers this object made; the shared embedded broker stops when the JVM exits.
 */
public final class TestBroker implements AutoCloseable {

    public static final String MQTT_URL = "MYCITY_IT_MQTT_URL";
    public static final String USERNAME = "MYCITY_IT_MQTT_USERNAME";
    public static final String PASSWORD = "MYCITY_IT_MQTT_PASSWORD";

    private final String url;
    private final String username;
    private final String password;
    private final boolean real;
    private final String runId = RandomIds.hex(8);
    private final AtomicInteger clients = new AtomicInteger();
    private final List<AutoCloseable> opened = new ArrayList<>();

    private TestBroker(String url, String username, String password, boolean real) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.real = real;
    }

    /** The broker named by {@value #MQTT_URL} when it is set, else the shared embedded one. */
    public static TestBroker create() {
        return Environment.find(MQTT_URL)
                .map(u -> onServer(u, Environment.orNull(USERNAME), Environment.orNull(PASSWORD)))
                .orElseGet(TestBroker::embedded);
    }

    /** The JVM's shared embedded HiveMQ CE broker (password authentication), whatever the environment says. */
    public static TestBroker embedded() {
        EmbeddedBroker broker = SharedEmbedded.broker();
        TestBroker test = new TestBroker(broker.url(), broker.username(), broker.password(), false);
        System.out.println("TestBroker: embedded HiveMQ CE at " + broker.url() + ", user " + broker.username() + " ("
                + MQTT_URL + " not set; run " + test.runId + ")");
        return test;
    }

    /** A real broker; {@code username} and {@code password} may be {@code null} for an anonymous one. */
    public static TestBroker onServer(String url, String username, String password) {
        TestBroker test = new TestBroker(url, username, password, true);
        System.out.println("TestBroker: real broker at " + url + ", "
                + (username == null ? "anonymous" : "user " + username) + " (" + MQTT_URL + "; run " + test.runId
                + ")");
        return test;
    }

    public String url() {
        return url;
    }

    /** The user name, or {@code null} for an anonymous broker. */
    public String username() {
        return username;
    }

    /** The password, or {@code null}. */
    public String password() {
        return password;
    }

    /** Whether this is a real broker ({@value #MQTT_URL}) rather than the embedded one. */
    public boolean isReal() {
        return real;
    }

    /** A client id unique to this run and call, {@code <prefix>-<run>-<n>}. */
    public String clientId(String prefix) {
        return prefix + "-" + runId + "-" + clients.incrementAndGet();
    }

    /** A fresh tenant id, {@code it-<8 hex digits>}, valid under the platform's identifier rules. */
    public String tenant() {
        return "it-" + RandomIds.hex(8);
    }

    /** Connection options with this broker's credentials, clean start and a 10 s connection time-out. */
    public MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        options.setAutomaticReconnect(false);
        return options;
    }

    /** A connected subscriber collecting what arrives on {@code filter} at QoS 1 (closed with this broker). */
    public TestSubscriber subscriber(String filter) {
        return register(TestSubscriber.connect(this, filter));
    }

    /** A connected publisher with clean start (closed with this broker). */
    public TestPublisher publisher() {
        return register(TestPublisher.connect(this));
    }

    private synchronized <T extends AutoCloseable> T register(T client) {
        opened.add(client);
        return client;
    }

    /** Disconnects every subscriber and publisher made by this object. */
    @Override
    public synchronized void close() {
        for (AutoCloseable client : opened) {
            try {
                client.close();
            } catch (Exception e) {
                System.out.println("TestBroker: could not close " + client + ": " + e);
            }
        }
        opened.clear();
    }

    @Override
    public String toString() {
        return "TestBroker[" + url + (real ? ", real" : ", embedded") + "]";
    }
}
