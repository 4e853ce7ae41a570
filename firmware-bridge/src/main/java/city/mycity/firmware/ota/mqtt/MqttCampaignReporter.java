package city.mycity.firmware.ota.mqtt;

import city.mycity.firmware.ota.Campaign;
import city.mycity.firmware.ota.CampaignListener;
import city.mycity.firmware.ota.CampaignReport;
import city.mycity.firmware.ota.CampaignState;
import java.time.Instant;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports each change of a device's campaign state to the platform: retained, QoS 1 ({@link CampaignReport}). */
public final class MqttCampaignReporter implements CampaignListener {

    private static final Logger LOGGER = LoggerFactory.getLogger(MqttCampaignReporter.class);

    private final MqttAsyncClient client;
    private final String tenant;

    /** @param client a connected client of the firmware service's own account */
    public MqttCampaignReporter(MqttAsyncClient client, String tenant) {
        this.client = client;
        this.tenant = tenant;
    }

    @Override
    public void changed(Campaign campaign, String device, CampaignState state, String detail) {
        byte[] report = CampaignReport.json(campaign, device, state, detail, Instant.now());
        try {
            client.publish(
                    CampaignReport.topic(tenant, campaign.id(), device),
                    new MqttMessage(report, 1, true, new MqttProperties()));
        } catch (MqttException e) {
            LOGGER.warn(
                    "Could not report {} {} of campaign {}: {}", device, state.code(), campaign.id(), e.getMessage());
        }
    }
}
