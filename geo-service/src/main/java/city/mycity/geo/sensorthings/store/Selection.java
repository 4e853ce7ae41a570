package city.mycity.geo.sensorthings.store;

import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.sensorthings.entity.EntityType;
import city.mycity.geo.sensorthings.entity.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * Which properties of an entity type a response carries ({@code $select}), and whether it carries the id, the self
 * link and the navigation links: all of them without {@code $select}, only those named with it.
 */
record Selection(List<Property> properties, boolean id, boolean selfLink, boolean navigationLinks) {

    static Selection of(EntityType type, List<String> select) {
        if (select.isEmpty()) {
            return new Selection(type.properties(), true, true, true);
        }
        List<Property> properties = new ArrayList<>();
        boolean id = false;
        boolean selfLink = false;
        for (String name : select) {
            if (name.equals("id") || name.equals("@iot.id")) {
                id = true;
            } else if (name.equals("@iot.selfLink")) {
                selfLink = true;
            } else if (type.property(name).isPresent()) {
                Property p = type.property(name).get();
                if (!properties.contains(p)) {
                    properties.add(p);
                }
            } else if (type.navigation(name).isEmpty()) {
                throw new InvalidParameterException(
                        "$select", "$select: a " + type.singular() + " has no property " + name + ".");
            }
        }
        return new Selection(List.copyOf(properties), id, selfLink, false);
    }
}
