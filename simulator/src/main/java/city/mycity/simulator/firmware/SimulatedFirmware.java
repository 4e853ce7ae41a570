package city.mycity.simulator.firmware;

import city.mycity.firmware.ota.FirmwareManifest;
import city.mycity.firmware.ota.FirmwareSigner;
import city.mycity.firmware.ota.FirmwareVersions;
import city.mycity.simulator.transport.coap.SensorDtls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;

/**
 * A sensor's firmware updater, as a constrained device runs it: it fetches a campaign's signed manifest and its image
 * block-wise over CoAP (Block2), checks model, version (only a newer one: no roll-back), size, SHA-256 and the Ed25519
 * signature against the key built into it, and only then applies the image; it reports each step ({@code verified}, {@code applied}, {@code failed: reason}). A
 * bad signature, an image for another model or an interrupted download is refused, never applied, and tried again
 * after a pause.
 */
public final class SimulatedFirmware implements AutoCloseable {

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    /** How one update ended. */
    public record Outcome(boolean applied, String reason, int attempts) {}

    private final String device;
    private final String model;
    private final PublicKey trusted;
    private final CoapEndpoint endpoint;
    private final long timeoutMillis;
    private volatile String version;

    /**
     * @param trusted the council's firmware key, built into the device
     * @param version the version it runs now
     * @param timeout how long one request may go unanswered before the download counts as interrupted
     */
    public SimulatedFirmware(String device, String model, PublicKey trusted, String version, Duration timeout) {
        this(device, null, model, trusted, version, timeout);
    }

    /**
     * A sensor that fetches over DTLS ({@code coaps://}), authenticated with its pre-shared key; or over plain CoAP
     * when {@code key} is {@code null}.
     */
    public SimulatedFirmware(
            String device, byte[] key, String model, PublicKey trusted, String version, Duration timeout) {
        this.device = device;
        this.model = model;
        this.trusted = trusted;
        this.version = version;
        this.timeoutMillis = timeout.toMillis();
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 4 * 1024 * 1024);
        this.endpoint = key == null
                ? CoapEndpoint.builder()
                        .setConfiguration(config)
                        .setInetSocketAddress(new InetSocketAddress(0))
                        .build()
                : SensorDtls.endpoint(device, key, config);
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a UDP endpoint for " + device, e);
        }
    }

    /** The version running now. */
    public String version() {
        return version;
    }

    /**
     * Updates from {@code campaign} (e.g. {@code coap://host:port/fw/fw-7}), trying up to {@code attempts} times with
     * {@code pause} between tries, until the image is applied.
     */
    public Outcome update(String campaign, int attempts, Duration pause) throws InterruptedException {
        String reason = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Optional<String> refused = updateOnce(campaign);
            if (refused.isEmpty()) {
                return new Outcome(true, null, attempt);
            }
            reason = refused.get();
            if (attempt < attempts) {
                Thread.sleep(pause.toMillis()); // A device sleeps between tries; there is nothing to await.
            }
        }
        return new Outcome(false, reason, attempts);
    }

    /** One try: empty when applied, else why not (also reported to the server, when it answers). */
    public Optional<String> updateOnce(String campaign) {
        Optional<String> refused = fetchCheckAndApply(campaign);
        refused.ifPresent(reason -> report(campaign, "failed: " + reason));
        return refused;
    }

    private Optional<String> fetchCheckAndApply(String campaign) {
        CoapResponse manifestResponse = get(campaign + "/manifest");
        if (manifestResponse == null || !manifestResponse.isSuccess()) {
            return Optional.of("no manifest: " + describe(manifestResponse));
        }
        FirmwareManifest manifest;
        try {
            manifest = FirmwareManifest.parse(manifestResponse.getPayload());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (!manifest.model().equals(model)) {
            return Optional.of("firmware for model " + manifest.model() + ", this is " + model);
        }
        if (!FirmwareVersions.newer(manifest.version(), version)) {
            return Optional.of("version " + manifest.version() + " is not newer than the running " + version);
        }
        CoapResponse image = get(campaign + "/image?device=" + device);
        if (image == null || !image.isSuccess()) {
            return Optional.of("download interrupted: " + describe(image));
        }
        Optional<String> refusal = FirmwareSigner.refusal(manifest, image.getPayload(), trusted);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (!report(campaign, "verified")) {
            return Optional.of("the server did not take the verified report");
        }
        // "Applying": the device now runs the image it checked.
        version = manifest.version();
        report(campaign, "applied");
        return Optional.empty();
    }

    private CoapResponse get(String uri) {
        CoapClient client = client(uri);
        try {
            return client.get();
        } catch (ConnectorException | IOException e) {
            return null;
        } finally {
            client.shutdown();
        }
    }

    private boolean report(String campaign, String state) {
        CoapClient client = client(campaign + "/state/" + device);
        try {
            CoapResponse response = client.post(state.getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN);
            return response != null && response.isSuccess();
        } catch (ConnectorException | IOException e) {
            return false;
        } finally {
            client.shutdown();
        }
    }

    private CoapClient client(String uri) {
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(endpoint);
        client.setTimeout(timeoutMillis);
        return client;
    }

    private static String describe(CoapResponse response) {
        return response == null ? "no answer" : response.getCode() + " " + response.getResponseText();
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
