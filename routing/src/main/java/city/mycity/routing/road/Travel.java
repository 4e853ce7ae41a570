package city.mycity.routing.road;

/**
 * Driving from one place to another on the fastest way.
 *
 * @param seconds the travel time, {@link Double#POSITIVE_INFINITY} when no road leads there
 * @param metres the length of that way
 */
public record Travel(double seconds, double metres) {

    public static final Travel UNREACHABLE = new Travel(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean reachable() {
        return seconds != Double.POSITIVE_INFINITY;
    }
}
