package city.mycity.geo.sensorthings.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource path of a request below the service root: {@code Things(1)/Datastreams}, {@code Observations(7)},
 * {@code Things(1)/name/$value}, {@code Datastreams(2)/Observations/$ref}. Each step is a collection or navigation
 * property, with an id where it names one entity; a property, {@code $value} and {@code $ref} may end it.
 *
 * @param steps the entity steps, the first a collection of the service
 * @param property the property the path ends with, or null
 * @param value whether it ends with {@code $value} (the property's raw value)
 * @param ref whether it ends with {@code $ref} (links instead of entities)
 */
public record ResourcePath(List<Step> steps, String property, boolean value, boolean ref) {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\((-?\\d{1,40})\\))?");

    /**
     * One step: the entity type it reaches, the navigation that reached it (null for the first), and the id it names
     * (null for a whole collection).
     */
    public record Step(EntityType type, Navigation via, Long id) {

        /** Whether this step names one entity: by its id, or through a navigation to one. */
        public boolean single() {
            return id != null || (via != null && !via.collection());
        }
    }

    /** The entity type the path reaches. */
    public EntityType target() {
        return steps.get(steps.size() - 1).type();
    }

    /** The last step. */
    public Step last() {
        return steps.get(steps.size() - 1);
    }

    /** Whether the path names one entity rather than a collection. */
    public boolean single() {
        return last().single();
    }

    /**
     * Parses a path below the service root, or says why it is none: an unknown collection, navigation or property, or
     * a step after a collection without an id.
     */
    public static Result parse(String path) {
        String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
        if (segments.length == 0) {
            return Result.error("The path names no collection.");
        }
        List<Step> steps = new ArrayList<>();
        String property = null;
        boolean value = false;
        boolean ref = false;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("$value") && property != null && i == segments.length - 1) {
                value = true;
                continue;
            }
            if (segment.equals("$ref") && property == null && i == segments.length - 1) {
                ref = true;
                continue;
            }
            if (property != null) {
                return Result.error("Nothing may follow the property " + property + " but $value.");
            }
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                return Result.error("'" + segment + "' is not a collection, navigation or property name with an"
                        + " optional integer id, e.g. Things(1).");
            }
            String name = m.group(1);
            Long id;
            try {
                id = m.group(2) == null ? null : Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                return Result.error("There is no entity " + segment + ": ids are 64-bit integers.");
            }
            if (steps.isEmpty()) {
                Optional<EntityType> type = EntityType.ofPlural(name);
                if (type.isEmpty()) {
                    return Result.error("There is no collection " + name + ".");
                }
                steps.add(new Step(type.get(), null, id));
                continue;
            }
            Step previous = steps.get(steps.size() - 1);
            if (!previous.single()) {
                return Result.error("Name one of the " + previous.type().plural() + " by its id before " + name + ".");
            }
            Optional<Navigation> navigation = previous.type().navigation(name);
            if (navigation.isPresent()) {
                if (id != null && !navigation.get().collection()) {
                    return Result.error(name + " is one entity: it takes no id.");
                }
                steps.add(new Step(navigation.get().target(), navigation.get(), id));
            } else if (id == null && previous.type().property(name).isPresent()) {
                property = name;
            } else {
                return Result.error("A " + previous.type().singular() + " has no property or navigation " + name + ".");
            }
        }
        if (ref && steps.size() == 1 && steps.get(0).id() != null) {
            return Result.error("$ref follows a navigation, e.g. Datastreams(1)/Sensor/$ref.");
        }
        return new Result(new ResourcePath(List.copyOf(steps), property, value, ref), null);
    }

    /** A parsed path, or why the path names nothing. */
    public record Result(ResourcePath path, String error) {

        static Result error(String message) {
            return new Result(null, message);
        }
    }
}
