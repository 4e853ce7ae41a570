package city.mycity.gateway.ingress;

import java.util.concurrent.CompletionStage;

/** Where direct ingress hands a device's pack on: the broker, as an edge agent would. */
public interface Uplinks {

    /** Completes once the broker has the message (QoS 1), or exceptionally when it cannot take it. */
    CompletionStage<Void> publish(String topic, byte[] payload);
}
