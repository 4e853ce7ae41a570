package city.mycity.edge.coap;

import city.mycity.edge.UplinkForwarder;
import city.mycity.edge.config.RemoteConfig;
import city.mycity.edge.security.DeviceKeys;
import city.mycity.reading.SensorKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.DtlsHealth;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoAP side of the edge agent: a Californium server with the {@code /up} resource on one UDP endpoint, secured
 * with DTLS 1.2 and a pre-shared key per sensor (Scandium; the PSK identity is the device id), or plain CoAP in a lab.
 * The configuration is built in memory (no {@code Californium3.properties} file is read or written).
 */
public final class CoapUplinkServer implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(CoapUplinkServer.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    /** Requests remembered per sensor to answer its retransmissions with the same response. */
    static final int REMEMBERED_PER_PEER = 8;

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final AdvancedMultiPskStore store;
    private final DTLSConnector dtls;
    private DeviceKeys keys;

    private CoapUplinkServer(
            CoapServer server,
            CoapEndpoint endpoint,
            AdvancedMultiPskStore store,
            DTLSConnector dtls,
            DeviceKeys keys) {
        this.server = server;
        this.endpoint = endpoint;
        this.store = store;
        this.dtls = dtls;
        this.keys = keys;
    }

    /**
     * Takes the sensors' keys anew, without a restart: a new sensor may shake hands at once; a sensor whose key was
     * revoked or changed may not, and, as DTLS sessions outlive a key, every session is closed then (each sensor shakes
     * hands again with the key it has now).
     *
     * @return the sensors whose key was revoked or changed
     */
    public synchronized java.util.Set<String> replaceKeys(DeviceKeys next) {
        if (store == null) {
            throw new IllegalStateException("Plain CoAP has no keys to replace.");
        }
        java.util.Set<String> ended = new java.util.TreeSet<>();
        for (String device : keys.devices()) {
            Optional<byte[]> now = next.key(device);
            if (now.isEmpty()
                    || !java.util.Arrays.equals(now.get(), keys.key(device).orElseThrow())) {
                store.removeKey(device);
                ended.add(device);
            }
        }
        for (String device : next.devices()) {
            store.setKey(device, next.key(device).orElseThrow());
        }
        keys = next;
        if (!ended.isEmpty()) {
            dtls.clearConnectionState();
        }
        LOGGER.info("Sensor keys replaced: {}; {} revoked or changed", next, ended.size());
        return ended;
    }

    /** Whether a sensor has a key now (any device id, with plain CoAP). */
    public synchronized boolean knows(String device) {
        return keys == null || keys.devices().contains(device);
    }

    /**
     * Binds and starts the server.
     *
     * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
     * @param port the UDP port, 0 for a free one
     * @param keys the sensors' pre-shared keys: DTLS, each sensor posting only as itself; {@code null}: plain CoAP
     * @throws IOException when the port cannot be bound
     */
    public static CoapUplinkServer start(String host, int port, UplinkForwarder forwarder, DeviceKeys keys)
            throws IOException {
        return start(host, port, forwarder, keys, null, device -> Optional.empty());
    }

    /**
     * Binds and starts the server, with {@code GET /config/{device}} serving each sensor its settings from {@code
     * settings} when given.
     *
     * @param kindOf a device's kind when the gateway knows it, to pick its kind's settings
     */
    public static CoapUplinkServer start(
            String host,
            int port,
            UplinkForwarder forwarder,
            DeviceKeys keys,
            RemoteConfig settings,
            Function<String, Optional<SensorKind>> kindOf)
            throws IOException {
        Configuration config = Configuration.createStandardWithoutFile();
        // Let bodies somewhat over the limit reach the resource, which counts and refuses them with 4.13;
        // Californium answers 4.13 itself to anything larger.
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, Math.max(8192, forwarder.maxPayloadBytes() * 2));
        // Californium's default deduplicator keeps every request for the exchange lifetime (247 s): at 200 readings
        // a second that is some 50,000 exchanges, more than a gateway's heap. A sensor retransmits only its one
        // outstanding request (NSTART 1), so the last few of each peer are enough; a duplicate that still gets
        // through is dropped by the platform's key (device, sequence number).
        config.set(CoapConfig.DEDUPLICATOR, CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP);
        config.set(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES, REMEMBERED_PER_PEER);
        InetSocketAddress address = new InetSocketAddress(host, port);
        CoapEndpoint.Builder endpointBuilder = new CoapEndpoint.Builder().setConfiguration(config);
        AdvancedMultiPskStore store = null;
        DTLSConnector connector = null;
        if (keys == null) {
            endpointBuilder.setInetSocketAddress(address);
        } else {
            store = new AdvancedMultiPskStore();
            for (String device : keys.devices()) {
                store.setKey(device, keys.key(device).orElseThrow());
            }
            connector =
                    new DTLSConnector(dtls(config, address, store, new HandshakeCounter(forwarder.meterRegistry())));
            endpointBuilder.setConnector(connector);
        }
        CoapEndpoint endpoint = endpointBuilder.build();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(new UplinkResource(forwarder, keys != null));
        CoapUplinkServer[] started = new CoapUplinkServer[1];
        if (settings != null) {
            // Over DTLS the sensors with a key now; in a lab, any valid device id.
            Predicate<String> known = device -> started[0] != null && started[0].knows(device);
            server.add(new ConfigResource(settings, kindOf, keys != null, known));
        }
        try {
            server.start();
        } catch (IllegalStateException e) {
            server.destroy();
            throw new IOException("Could not bind CoAP to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        started[0] = new CoapUplinkServer(server, endpoint, store, connector, keys);
        LOGGER.info(
                "CoAP uplink listening on {}://{}:{}/up/{device}{}",
                keys == null ? "coap" : "coaps",
                host,
                started[0].port(),
                keys == null ? " (plain CoAP: devices do not authenticate)" : " (DTLS 1.2, " + keys + ")");
        return started[0];
    }

    /** A DTLS server that accepts only the sensors with a key, each under its device id as PSK identity. */
    private static DtlsConnectorConfig dtls(
            Configuration config, InetSocketAddress address, AdvancedMultiPskStore store, DtlsHealth handshakes) {
        return new DtlsConnectorConfig.Builder(config)
                .setAddress(address)
                .setAdvancedPskStore(store)
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                .setHealthHandler(handshakes)
                .build();
    }

    /** The address and UDP port actually bound. */
    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    /** The UDP port actually bound. */
    public int port() {
        return endpoint.getAddress().getPort();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
