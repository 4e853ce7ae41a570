package city.mycity.codec;

import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec.Decoded;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decodes vendor frames, sent as {@code application/octet-stream} (42), with the codec that each device's profile
 * names. A device without a profile is refused as {@code unknown_device}; a profile naming a codec that does not
 * exist is refused when the decoder is built, not when the device first sends.
 */
public final class ProfileDecoder implements PayloadDecoder {

    private final DeviceProfiles profiles;
    private final FrameCodecs codecs;

    /**
     * @throws IllegalArgumentException when a profile names a codec that {@code codecs} does not have
     */
    public ProfileDecoder(DeviceProfiles profiles, FrameCodecs codecs) {
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, DeviceProfile> entry : profiles.asMap().entrySet()) {
            if (codecs.find(entry.getValue().codec()).isEmpty()) {
                unknown.add(entry.getKey() + " (" + entry.getValue().codec() + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "Device profiles name codecs that do not exist: " + unknown + "; the codecs are " + codecs.names());
        }
        this.profiles = profiles;
        this.codecs = codecs;
    }

    @Override
    public Set<Integer> contentFormats() {
        return Set.of(ContentFormats.OCTET_STREAM);
    }

    @Override
    public Decoded decode(DeviceRef device, int contentFormat, byte[] payload) {
        DeviceProfile profile = profiles.of(device.device()).orElse(null);
        if (profile == null) {
            return new Decoded(
                    null,
                    RefusalReason.UNKNOWN_DEVICE,
                    "device " + device.device() + " has no profile on this gateway, so no codec reads its frames");
        }
        return codecs.find(profile.codec()).orElseThrow().decode(device, profile, payload);
    }
}
