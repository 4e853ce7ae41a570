package city.mycity.bench.api;

import java.util.List;
import java.util.Locale;

/** What the API bench measured, and its report against the targets. */
public record ApiFigures(int carParks, int sensors, ApiBench.Options options, List<Endpoint> endpoints) {

    /** At least this share of the ceiling's rate. */
    public static final double TARGET_SHARE = 0.5;

    /** At most this p99 at half the maximum rate, in milliseconds. */
    public static final double TARGET_P99_MS = 10;

    /**
     * One endpoint: flat out, and at half its maximum rate. An endpoint that is not {@code judged} is shown for what
     * it tells (the same query with every request new), not held to the targets.
     */
    public record Endpoint(String name, String url, Wrk.Figures max, Wrk.Figures half, boolean judged) {}

    public Endpoint ceiling() {
        return endpoints.get(0);
    }

    /** Whether every endpoint reached both targets. */
    public boolean met() {
        return endpoints.stream().skip(1).filter(Endpoint::judged).allMatch(this::met);
    }

    private boolean met(Endpoint e) {
        return share(e) >= TARGET_SHARE
                && e.half().p99() <= TARGET_P99_MS
                && e.max().errors() == 0;
    }

    private double share(Endpoint e) {
        return e.max().requestsPerSecond() / ceiling().max().requestsPerSecond();
    }

    public String markdown(String command, String machine, String database) {
        StringBuilder md = new StringBuilder();
        md.append("Command: `").append(command).append("`  \n");
        md.append("Machine: ").append(machine).append("  \n");
        md.append("Store: ")
                .append(database)
                .append(String.format(
                        Locale.ROOT,
                        "; the generated town (%d car parks, %d sensors), %,d readings in the Datastream served.  %n",
                        carParks,
                        sensors,
                        options.readings()));
        md.append(String.format(
                Locale.ROOT,
                "Load: wrk on loopback, 2 threads, %d connections, %d s per run after a 5 s warm-up; the service and"
                        + " the ceiling share the JVM and its event loops (the service's per-client rate limit is"
                        + " lifted for the run).%n%n",
                options.connections(),
                options.duration().toSeconds()));
        md.append("| endpoint | max requests/s | share of ceiling (target ≥ 50%) | p99 flat out | rate at half |"
                + " p99 at half (target ≤ 10 ms) | errors | met |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (Endpoint e : endpoints) {
            boolean isCeiling = e == ceiling();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %s | %.2f ms | %,.0f/s | %.2f ms | %d | %s |%n",
                    e.name(),
                    e.max().requestsPerSecond(),
                    isCeiling ? "100%" : String.format(Locale.ROOT, "%.0f%%", 100 * share(e)),
                    e.max().p99(),
                    e.half().requestsPerSecond(),
                    e.half().p99(),
                    e.max().errors() + e.half().errors(),
                    isCeiling ? "ceiling" : !e.judged() ? "(shown)" : met(e) ? "yes" : "**no**"));
        }
        md.append('\n')
                .append(met() ? "Every endpoint met both targets." : "Not every endpoint met the targets: see **no**.")
                .append('\n');
        return md.toString();
    }
}
