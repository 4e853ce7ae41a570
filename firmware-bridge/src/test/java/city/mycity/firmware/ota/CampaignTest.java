package city.mycity.firmware.ota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private final FirmwareImage image = new FirmwareImage("puck-v1", "1.2.0", new byte[] {1, 2, 3});
    private final Campaign campaign = new Campaign(
            "fw-1",
            image,
            FirmwareSigner.sign(image, FirmwareSigner.generateKeys().getPrivate()),
            List.of("bay-00001", "bay-00002"));
    private final List<String> reported = new CopyOnWriteArrayList<>();

    {
        campaign.addListener((c, device, state, detail) ->
                reported.add(device + " " + state.code() + (detail == null ? "" : " (" + detail + ")")));
    }

    @Test
    void a_device_goes_from_pending_to_applied_and_stays_there() {
        assertThat(campaign.move("bay-00001", CampaignState.DOWNLOADING, null)).isTrue();
        assertThat(campaign.move("bay-00001", CampaignState.VERIFIED, null)).isTrue();
        assertThat(campaign.move("bay-00001", CampaignState.APPLIED, null)).isTrue();
        assertThat(campaign.move("bay-00001", CampaignState.FAILED, "late")).isFalse();

        assertThat(reported).containsExactly("bay-00001 downloading", "bay-00001 verified", "bay-00001 applied");
        assertThat(campaign.progress("bay-00002").orElseThrow().state()).isEqualTo(CampaignState.PENDING);
    }

    @Test
    void a_failed_device_downloads_again_and_its_attempts_are_counted() {
        campaign.move("bay-00001", CampaignState.DOWNLOADING, null);
        campaign.move("bay-00001", CampaignState.FAILED, "bad signature");
        campaign.move("bay-00001", CampaignState.DOWNLOADING, null);

        assertThat(campaign.progress("bay-00001").orElseThrow())
                .isEqualTo(new Campaign.Progress(CampaignState.DOWNLOADING, null, 2));
        assertThat(reported).contains("bay-00001 failed (bad signature)");
    }

    @Test
    void nothing_is_applied_without_being_verified_and_strangers_are_ignored() {
        campaign.move("bay-00001", CampaignState.DOWNLOADING, null);

        assertThat(campaign.move("bay-00001", CampaignState.APPLIED, null)).isFalse();
        assertThat(campaign.move("bay-99999", CampaignState.DOWNLOADING, null)).isFalse();
        assertThat(reported).containsExactly("bay-00001 downloading");
    }
}
