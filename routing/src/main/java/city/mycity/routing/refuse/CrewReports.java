package city.mycity.routing.refuse;

import java.util.Map;
import java.util.Set;

/**
 * What the crews reported during a round: the bins they emptied, and those they could not empty, with why (blocked by
 * a parked car, contaminated, broken lid, ...).
 */
public record CrewReports(Set<String> emptied, Map<String, String> notEmptied) {

    public CrewReports {
        emptied = Set.copyOf(emptied);
        notEmptied = Map.copyOf(notEmptied);
    }
}
