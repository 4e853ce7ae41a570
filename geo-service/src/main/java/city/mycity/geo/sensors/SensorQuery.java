package city.mycity.geo.sensors;

import city.mycity.citymodel.BoundingBox;
import city.mycity.geo.InvalidParameterException;
import city.mycity.reading.SensorKind;
import java.util.Optional;

/**
 * Which sensors to find: those inside a box, optionally of one kind and one site, at most {@code limit}.
 *
 * @param kind the kind to keep, or {@code null} for every kind
 * @param site the car park whose bays to keep, {@link #NO_SITE} for sensors outside car parks (street bays), or {@code
 *     null} for every sensor
 */
public record SensorQuery(BoundingBox box, SensorKind kind, String site, int limit) {

    /** The {@code site} value that keeps the sensors outside car parks. */
    public static final String NO_SITE = "none";

    /** Parses {@code minLon,minLat,maxLon,maxLat} (the GeoJSON and OGC order), edges included. */
    public static BoundingBox parseBox(String bbox) {
        if (bbox == null || bbox.isBlank()) {
            throw new InvalidParameterException("bbox", "bbox is required: minLon,minLat,maxLon,maxLat.");
        }
        String[] parts = bbox.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidParameterException(
                    "bbox", "bbox must have four comma-separated numbers: minLon,minLat,maxLon,maxLat.");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("bbox", "bbox value '" + parts[i] + "' is not a number.");
            }
            if (!Double.isFinite(v[i])) {
                throw new InvalidParameterException("bbox", "bbox values must be finite numbers.");
            }
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw new InvalidParameterException(
                    "bbox", "bbox longitudes must be within -180..180 and latitudes within -90..90.");
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw new InvalidParameterException("bbox", "bbox minimum must not exceed its maximum.");
        }
        return new BoundingBox(v[1], v[0], v[3], v[2]);
    }

    /** Parses a sensor kind code such as {@code parking-bay}; blank means every kind. */
    public static Optional<SensorKind> parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(SensorKind.fromCode(kind.trim())
                .orElseThrow(() -> new InvalidParameterException(
                        "kind",
                        "Unknown sensor kind '" + kind + "': use parking-bay, traffic-counter, bin or water.")));
    }
}
