package city.mycity.bench.pipeline;

import java.util.Locale;

/** Rates as the bench prints them: whole numbers with thousands separators. */
public final class Rates {

    private Rates() {}

    public static String format(double rate) {
        return String.format(Locale.ROOT, "%,.0f", rate);
    }
}
