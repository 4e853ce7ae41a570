package city.mycity.geo.open311;

import java.util.List;
import java.util.Optional;

/**
 * A problem the public may report (an Open311 service): its code, name, what it is for, and what else a report of it
 * may say ({@link Attribute}). Reports of it become alerts of {@code severity} for the operations centre.
 */
public record Service(
        String code,
        String name,
        String description,
        String group,
        List<String> keywords,
        String severity,
        List<Attribute> attributes) {

    /**
     * A question of the service's form.
     *
     * @param code its name in a request ({@code attribute[code]})
     * @param datatype Open311's: string, number, datetime, text, singlevaluelist, multivaluelist
     * @param values the choices of a list, key to name, in order
     */
    public record Attribute(String code, String datatype, boolean required, String description, List<Value> values) {}

    /** A choice of a list attribute. */
    public record Value(String key, String name) {}

    /** The services MyCity takes reports of. */
    public static final List<Service> ALL = List.of(
            new Service(
                    "bin-overflowing",
                    "Overflowing bin",
                    "A street bin is full or overflowing.",
                    "Streets",
                    List.of("bin", "litter", "rubbish", "waste"),
                    "warning",
                    List.of(new Attribute(
                            "bin_id", "string", false, "The number on the bin, if you can see it.", List.of()))),
            new Service(
                    "water-leak",
                    "Suspected water leak",
                    "Water coming up through the road or pavement, or a sound of running water.",
                    "Water",
                    List.of("leak", "water", "burst", "flooding"),
                    "critical",
                    List.of(new Attribute(
                            "how_much",
                            "singlevaluelist",
                            true,
                            "How much water is there?",
                            List.of(
                                    new Value("damp", "A damp patch"),
                                    new Value("trickle", "A trickle"),
                                    new Value("flowing", "Water flowing across the ground"))))),
            new Service(
                    "broken-sensor",
                    "Broken sensor",
                    "A sensor of the city's (on a bay, a bin, a lamp post or a water main) is damaged or missing.",
                    "Sensors",
                    List.of("sensor", "device", "damaged"),
                    "warning",
                    List.of(new Attribute(
                            "sensor_id", "string", false, "The number printed on the sensor, if any.", List.of()))),
            new Service(
                    "blocked-bay",
                    "Blocked parking bay",
                    "A parking bay is blocked: by a skip, works, rubbish or a vehicle that should not be there.",
                    "Parking",
                    List.of("parking", "bay", "blocked"),
                    "info",
                    List.of(new Attribute(
                            "blocked_by",
                            "singlevaluelist",
                            false,
                            "What blocks it?",
                            List.of(
                                    new Value("skip", "A skip"),
                                    new Value("works", "Road works"),
                                    new Value("vehicle", "A vehicle"),
                                    new Value("other", "Something else"))))));

    public static Optional<Service> of(String code) {
        return ALL.stream().filter(s -> s.code().equals(code)).findFirst();
    }
}
