package city.mycity.reading;

/**
 * Where a message came from: the council (tenant), the gateway that forwarded it and the device that measured it.
 * Every identifier is lower-case letters, digits, '-', '_' or '.', at most 64 characters.
 */
public record DeviceAddress(String tenant, String gateway, String device) {

    public DeviceAddress {
        Identifiers.check("tenant", tenant);
        Identifiers.check("gateway", gateway);
        Identifiers.check("device", device);
    }

    @Override
    public String toString() {
        return tenant + "/" + gateway + "/" + device;
    }
}
