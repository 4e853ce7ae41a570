package city.mycity.firmware.ota;

/** Told of every change of a device's state in a campaign, e.g. to report it to the platform. */
@FunctionalInterface
public interface CampaignListener {

    /**
     * @param detail why it failed, or {@code null}
     */
    void changed(Campaign campaign, String device, CampaignState state, String detail);
}
