package city.mycity.citymodel.osm;

import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.Street.Direction;
import java.util.Locale;
import java.util.Map;

/** What a highway's OSM tags say about driving on it: one-way or not, and its speed limit. */
final class RoadTags {

    private static final double MPH = 1.609344;

    private RoadTags() {}

    /**
     * {@code oneway=yes|true|1} forward, {@code oneway=-1|reverse} backward, {@code oneway=no} both; without the tag,
     * a roundabout and a motorway are one-way forward, as OSM implies.
     */
    static Direction direction(Map<String, String> tags, RoadClass roadClass) {
        String oneway = tags.getOrDefault("oneway", "").toLowerCase(Locale.ROOT);
        switch (oneway) {
            case "yes", "true", "1" -> {
                return Direction.FORWARD;
            }
            case "-1", "reverse" -> {
                return Direction.BACKWARD;
            }
            case "no", "false", "0" -> {
                return Direction.BOTH;
            }
            default -> {
                boolean implied = "roundabout".equals(tags.get("junction"))
                        || "circular".equals(tags.get("junction"))
                        || ("motorway".equals(tags.get("highway")) && roadClass == RoadClass.MOTORWAY);
                return implied ? Direction.FORWARD : Direction.BOTH;
            }
        }
    }

    /** {@code maxspeed=50} or {@code 30 mph} in km/h; {@code null} when absent or not a number (e.g. {@code DE:urban}). */
    static Double maxspeedKmh(Map<String, String> tags) {
        String value = tags.get("maxspeed");
        if (value == null) {
            return null;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        boolean mph = text.endsWith("mph");
        String number = mph
                ? text.substring(0, text.length() - 3).trim()
                : text.replace("km/h", "").trim();
        try {
            double speed = Double.parseDouble(number);
            return speed > 0 && speed < 400 ? (mph ? speed * MPH : speed) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
