package city.mycity.bench.pipeline;

import java.time.Duration;
import java.util.Locale;

/** Latencies as the bench prints them: "8 ms", "240 ms", "1.35 s"; "—" for none. */
public final class Durations {

    private Durations() {}

    public static String format(Duration duration) {
        if (duration == null) {
            return "—";
        }
        double millis = duration.toNanos() / 1e6;
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
}
