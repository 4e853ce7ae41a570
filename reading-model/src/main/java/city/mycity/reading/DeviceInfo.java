package city.mycity.reading;

/**
 * What the registry knows of a device.
 *
 * @param kind the kind's code (see {@link SensorKind#code()}); a code this platform does not know is kept as it is
 * @param zone the zone the device stands in
 * @param site the site it belongs to (a car park for a car-park bay), or {@code null} for a street device
 */
public record DeviceInfo(
        String tenant,
        String device,
        String gateway,
        String kind,
        String zone,
        String site,
        double latitude,
        double longitude)
        implements java.io.Serializable {}
