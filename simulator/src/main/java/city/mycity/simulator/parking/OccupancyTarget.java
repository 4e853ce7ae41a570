package city.mycity.simulator.parking;

/** The share of a group of bays that drivers occupy at a time of day: what the bays' sensors follow. */
@FunctionalInterface
public interface OccupancyTarget {

    /**
     * @param hourOfDay local time, 0 to 24
     * @param weekend whether the day is a Saturday or Sunday
     * @return the expected occupied share, 0 to 1
     */
    double at(double hourOfDay, boolean weekend);
}
