package city.mycity.edge.coap;

import city.mycity.edge.ForwardResult;
import city.mycity.edge.UplinkForwarder;
import java.security.Principal;
import java.util.List;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * {@code POST /up/{device}}: a device's reading, answered 2.04 Changed once the broker has acknowledged it.
 *
 * <p>The exchange is accepted at once (an empty ACK for a confirmable request, so the device stops retransmitting)
 * and answered separately when the forwarder completes. Over DTLS, a device posts only under its own PSK identity:
 * another device's path gets 4.03. Answers: 2.04 forwarded; 4.00 invalid device identifier or
 * unreadable payload; 4.04 device unknown to this agent; 4.13 payload too large; 4.15 content format not supported;
 * 5.03 broker unavailable (with Max-Age as a hint when to retry). Every other method gets 4.05.
 */
final class UplinkResource extends CoapResource {

    static final String NAME = "up";
    private static final int RETRY_AFTER_SECONDS = 5;

    private final UplinkForwarder forwarder;
    private final boolean authenticated;

    /** @param authenticated whether requests come over DTLS: each device may then post only as its PSK identity */
    UplinkResource(UplinkForwarder forwarder, boolean authenticated) {
        super(NAME);
        this.forwarder = forwarder;
        this.authenticated = authenticated;
        getAttributes().setTitle("Device uplink: POST /up/{device} with SenML JSON (110) or a vendor frame");
    }

    /** Every path below {@code /up} ends here; the device identifier is read from the path. */
    @Override
    public Resource getChild(String name) {
        return this;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        List<String> path = exchange.getRequestOptions().getUriPath();
        if (path.size() != 2) {
            exchange.respond(ResponseCode.NOT_FOUND, "POST to /up/{device}");
            return;
        }
        String device = path.get(1);
        if (authenticated) {
            Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
            String identity = peer instanceof PreSharedKeyIdentity psk ? psk.getIdentity() : null;
            if (!device.equals(identity)) {
                exchange.respond(
                        ResponseCode.FORBIDDEN,
                        "a device posts only as itself: authenticated as " + identity + ", not " + device);
                return;
            }
        }
        exchange.accept();
        forwarder
                .forward(device, exchange.getRequestOptions().getContentFormat(), exchange.getRequestPayload())
                .thenAccept(result -> respond(exchange, result));
    }

    private static void respond(CoapExchange exchange, ForwardResult result) {
        switch (result.status()) {
            case FORWARDED -> exchange.respond(ResponseCode.CHANGED);
            case INVALID_DEVICE, MALFORMED -> exchange.respond(ResponseCode.BAD_REQUEST, result.detail());
            case UNKNOWN_DEVICE -> exchange.respond(ResponseCode.NOT_FOUND, result.detail());
            case OVERSIZED -> exchange.respond(ResponseCode.REQUEST_ENTITY_TOO_LARGE, result.detail());
            case UNSUPPORTED_FORMAT -> exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, result.detail());
            case UNAVAILABLE -> {
                exchange.setMaxAge(RETRY_AFTER_SECONDS);
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, result.detail());
            }
        }
    }
}
