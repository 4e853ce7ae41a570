package city.mycity.codec;

import city.mycity.reading.Identifiers;
import city.mycity.reading.SenmlPack;

/** The device a payload came from: enough for a decoder to name the SenML records it makes. */
public record DeviceRef(String tenant, String device) {

    public DeviceRef {
        Identifiers.check("tenant", tenant);
        Identifiers.check("device", device);
    }

    /** The SenML base name of the device, {@code urn:dev:mycity:{tenant}:{device}:}. */
    public String baseName() {
        return SenmlPack.baseNameOf(tenant, device);
    }
}
