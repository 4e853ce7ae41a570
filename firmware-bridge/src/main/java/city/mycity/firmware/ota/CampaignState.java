package city.mycity.firmware.ota;

import java.util.EnumSet;
import java.util.Set;

/** Where one device stands in a firmware campaign. */
public enum CampaignState {
    /** The device is to be updated and has not asked for the image yet. */
    PENDING,
    /** The device is fetching the image. */
    DOWNLOADING,
    /** The device checked the image against the signed manifest: it may apply it. */
    VERIFIED,
    /** The device runs the new image. */
    APPLIED,
    /** The last attempt failed (a bad signature, an interrupted download); the device tries again. */
    FAILED;

    /** The states a device may go to from this one. */
    Set<CampaignState> next() {
        return switch (this) {
            case PENDING, FAILED -> EnumSet.of(DOWNLOADING, FAILED);
            case DOWNLOADING -> EnumSet.of(VERIFIED, FAILED);
            case VERIFIED -> EnumSet.of(APPLIED, FAILED);
            case APPLIED -> EnumSet.noneOf(CampaignState.class);
        };
    }

    /** The state's name in reports and the device protocol: {@code downloading}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
