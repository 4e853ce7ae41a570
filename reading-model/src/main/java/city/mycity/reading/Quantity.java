package city.mycity.reading;

/**
 * One measured quantity of a sensor kind: its SenML name, its SenML unit and the range a real sensor can report.
 *
 * @param name the SenML record name, appended to the base name (e.g. {@code fill})
 * @param unit the SenML unit symbol the value must carry (e.g. {@code %}, {@code Cel}, {@code l/min})
 * @param min the smallest plausible value, inclusive
 * @param max the largest plausible value, inclusive
 * @param integral whether only whole numbers make sense (a count, an occupied flag)
 */
public record Quantity(String name, String unit, double min, double max, boolean integral) {

    public boolean accepts(double value) {
        return value >= min && value <= max && (!integral || value == Math.rint(value));
    }
}
