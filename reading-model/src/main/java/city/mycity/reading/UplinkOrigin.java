package city.mycity.reading;

/**
 * Who sent an uplink, as its topic says: one device through its gateway ({@code mycity/v1/{tenant}/{gateway}/{device}/up})
 * or a gateway for several of its devices at once ({@code mycity/v1/{tenant}/{gateway}/up}, a gateway pack whose records
 * each name their device).
 *
 * @param device the device, or {@code null} for a gateway pack
 */
public record UplinkOrigin(String tenant, String gateway, String device) {

    public UplinkOrigin {
        Identifiers.check("tenant", tenant);
        Identifiers.check("gateway", gateway);
        if (device != null) {
            Identifiers.check("device", device);
        }
    }

    /** Whether the message is a gateway pack: records of several devices, each named after its device. */
    public boolean isGatewayPack() {
        return device == null;
    }

    @Override
    public String toString() {
        return tenant + "/" + gateway + (device == null ? "" : "/" + device);
    }
}
