package city.mycity.launcher;

import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.IssuedCredential;
import city.mycity.gateway.ingress.DirectIngress;
import city.mycity.gateway.ingress.coap.IngressCoapServer;
import city.mycity.gateway.ingress.http.IngressHttpServer;
import city.mycity.gateway.ingress.mqtt.MqttUplinks;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The demo's direct ingress: HTTPS on loopback with a certificate made at start (self-signed, for localhost), devices
 * logging in with their registry credential, their packs handed to the broker as the direct-ingress service.
 */
final class DemoIngress {

    private DemoIngress() {}

    static IngressHttpServer start(
            Vertx vertx,
            DataSource registry,
            String brokerUrl,
            IssuedCredential account,
            int port,
            int coapPort,
            java.util.function.IntConsumer coapPorts,
            MeterRegistry meters,
            Shutdown shutdown) {
        MqttUplinks uplinks;
        try {
            uplinks = shutdown.add(
                    "direct ingress uplinks", MqttUplinks.connect(brokerUrl, account.identity(), account.secret()));
        } catch (MqttException e) {
            throw new IllegalStateException("Direct ingress could not reach the broker: " + e.getMessage(), e);
        }
        SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
        shutdown.add("ingress certificate", certificate::delete);
        DirectIngress ingress = new DirectIngress(registry, uplinks, meters);
        try {
            IngressCoapServer coap = shutdown.add(
                    "direct ingress (CoAP)",
                    IngressCoapServer.start(
                            ingress,
                            new Credentials(registry),
                            "127.0.0.1",
                            Ports.udpOrAny(coapPort),
                            java.time.Duration.ofSeconds(5)));
            coapPorts.accept(coap.port());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return shutdown.add(
                "direct ingress",
                IngressHttpServer.start(
                        vertx,
                        ingress,
                        "127.0.0.1",
                        Ports.tcpOrAny(port),
                        certificate.keyCertOptions(),
                        DirectIngress.DEFAULT_MAX_BYTES));
    }
}
