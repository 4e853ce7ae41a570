package city.mycity.routing.refuse;

import city.mycity.citymodel.GeoPoint;
import java.time.Duration;
import java.util.List;

/**
 * What a refuse round is planned from: the depot the trucks leave from and come back to, the bins to empty, the
 * trucks (how many, how much each carries), the shift, and how long emptying one bin takes.
 */
public record RefuseRound(
        GeoPoint depot, List<BinStop> bins, int trucks, int capacity, Duration shift, Duration emptying) {

    public RefuseRound {
        bins = List.copyOf(bins);
        if (depot == null || trucks < 1 || capacity < 1 || shift == null || emptying == null || shift.isNegative()) {
            throw new IllegalArgumentException(
                    "A round needs a depot, at least one truck, a positive capacity, a shift and an emptying time.");
        }
    }
}
