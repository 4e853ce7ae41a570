package city.mycity.firmware.ota.coap;

import city.mycity.firmware.ota.Campaign;
import city.mycity.firmware.ota.CampaignState;
import java.security.Principal;
import java.util.List;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/** {@code /fw/{campaign}/...}: the manifest, the image and the devices' reports (see {@link FirmwareServer}). */
final class CampaignResource extends CoapResource {

    private static final String MANIFEST = "manifest";
    private static final String IMAGE = "image";
    private static final String STATE = "state";

    private final Campaign campaign;

    CampaignResource(Campaign campaign) {
        super(campaign.id());
        this.campaign = campaign;
    }

    /** Every path below the campaign ends here; the rest of the path says what is asked. */
    @Override
    public Resource getChild(String name) {
        return this;
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        List<String> path = exchange.getRequestOptions().getUriPath();
        String what = path.size() == 3 ? path.get(2) : "";
        switch (what) {
            case MANIFEST ->
                exchange.respond(
                        ResponseCode.CONTENT, campaign.manifest().toJson(), MediaTypeRegistry.APPLICATION_JSON);
            case IMAGE -> image(exchange);
            default -> exchange.respond(ResponseCode.NOT_FOUND, "GET /fw/{campaign}/manifest or /image");
        }
    }

    private void image(CoapExchange exchange) {
        String device = deviceOf(exchange, exchange.getQueryParameter("device"));
        if (device == null) {
            return;
        }
        if (!campaign.includes(device)) {
            exchange.respond(ResponseCode.FORBIDDEN, "the image is for the campaign's devices: ?device={id}");
            return;
        }
        BlockOption block = exchange.getRequestOptions().getBlock2();
        if (block == null || block.getNum() == 0) {
            campaign.move(device, CampaignState.DOWNLOADING, null);
        }
        exchange.respond(ResponseCode.CONTENT, campaign.image(), MediaTypeRegistry.APPLICATION_OCTET_STREAM);
    }

    /**
     * The device asking: over DTLS the identity it authenticated with, which the device it names (if any) must be;
     * over plain CoAP the device it names. Answers 4.03 and gives {@code null} when it names another device, or none
     * over plain CoAP.
     */
    private static String deviceOf(CoapExchange exchange, String named) {
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        String identity = peer instanceof PreSharedKeyIdentity psk ? psk.getIdentity() : null;
        if (identity == null && named == null) {
            exchange.respond(ResponseCode.FORBIDDEN, "over plain CoAP a sensor names itself: ?device={id}");
            return null;
        }
        if (identity == null || named == null || named.equals(identity)) {
            return identity != null ? identity : named;
        }
        exchange.respond(
                ResponseCode.FORBIDDEN, "a sensor fetches and reports only as itself: " + identity + ", not " + named);
        return null;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        List<String> path = exchange.getRequestOptions().getUriPath();
        if (path.size() != 4 || !STATE.equals(path.get(2))) {
            exchange.respond(ResponseCode.NOT_FOUND, "POST /fw/{campaign}/state/{device}");
            return;
        }
        String device = deviceOf(exchange, path.get(3));
        if (device == null) {
            return;
        }
        if (!campaign.includes(device)) {
            exchange.respond(ResponseCode.NOT_FOUND, "device " + device + " is not in campaign " + campaign.id());
            return;
        }
        String report = exchange.getRequestText().trim();
        CampaignState state;
        String detail = null;
        if (report.equals("verified")) {
            state = CampaignState.VERIFIED;
        } else if (report.equals("applied")) {
            state = CampaignState.APPLIED;
        } else if (report.startsWith("failed")) {
            state = CampaignState.FAILED;
            detail = report.substring("failed".length()).replaceFirst("^:\\s*", "");
        } else {
            exchange.respond(ResponseCode.BAD_REQUEST, "report verified, applied or failed: reason");
            return;
        }
        if (campaign.move(device, state, detail)) {
            exchange.respond(ResponseCode.CHANGED);
        } else {
            exchange.respond(
                    ResponseCode.CONFLICT,
                    device + " cannot go to " + state.code() + " from "
                            + campaign.progress(device).orElseThrow().state().code());
        }
    }
}
