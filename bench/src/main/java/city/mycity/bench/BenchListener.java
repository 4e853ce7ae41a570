package city.mycity.bench;

/**
 * What a bench run tells while it runs, for a progress display: stages as they begin, what runs now, and each finished
 * measurement. Every method does nothing by default.
 */
public interface BenchListener {

    /** A stage begins: {@code number} from 1 to {@code total}. */
    default void stage(int number, int total, String name) {}

    /** What the current stage does now, in one line ("packs, chained: 40,000 readings/s, step 3"). */
    default void status(String line) {}

    /** A finished measurement, in one line, worth keeping on screen ("40,000 readings/s: flat"). */
    default void result(String line) {}

    /** A listener that tells nothing. */
    static BenchListener silent() {
        return new BenchListener() {};
    }
}
