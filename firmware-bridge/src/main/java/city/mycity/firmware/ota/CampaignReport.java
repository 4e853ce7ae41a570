package city.mycity.firmware.ota;

import city.mycity.reading.UplinkTopic;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A device's campaign state as the platform receives it, retained on {@code mycity/v1/{tenant}/ota/{campaign}/{device}}:
 * {@code {"campaign":"fw-7","device":"bin-00017","model":"...","version":"2.4.1","state":"failed","detail":"bad
 * signature ...","attempts":1,"at":"2026-11-29T23:40:00Z"}}.
 */
public final class CampaignReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CampaignReport() {}

    public static String topic(String tenant, String campaign, String device) {
        return UplinkTopic.ROOT + "/" + tenant + "/ota/" + campaign + "/" + device;
    }

    public static byte[] json(Campaign campaign, String device, CampaignState state, String detail, Instant at) {
        ObjectNode node = JSON.createObjectNode()
                .put("campaign", campaign.id())
                .put("device", device)
                .put("model", campaign.manifest().model())
                .put("version", campaign.manifest().version())
                .put("state", state.code());
        if (detail != null) {
            node.put("detail", detail);
        }
        node.put(
                "attempts",
                campaign.progress(device).map(Campaign.Progress::attempts).orElse(0));
        node.put("at", at.toString());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
