package city.mycity.bench.edge;

import java.util.Locale;

/**
 * What {@code ./mycity bench-edge} measured.
 *
 * @param sensors DTLS sensors, each with its own session and key
 * @param senders threads posting for them
 * @param acceptedPerSecond readings answered 2.04 per second over CoAP/DTLS, each fsync'd into the outbox first: the
 *     outbox write rate seen by the sensors
 * @param acceptRssBytes the agent's largest resident memory while it served them
 * @param acceptCpuPercent the agent's CPU while it served them, % of one core
 * @param buffered readings in the outbox when the agent started again with the broker reachable
 * @param fillSeconds how long writing them into the outbox file took (offline, in the bench's JVM)
 * @param drainPerSecond readings the broker received per second while the agent drained them
 * @param drainRssBytes the agent's largest resident memory while draining
 * @param drainCpuPercent the agent's CPU while draining, % of one core
 */
public record EdgeFigures(
        int sensors,
        int senders,
        double acceptedPerSecond,
        long acceptRssBytes,
        double acceptCpuPercent,
        int buffered,
        double fillSeconds,
        double drainPerSecond,
        long drainRssBytes,
        double drainCpuPercent) {

    /** The targets. */
    static final double DRAIN_TARGET = 20_000;

    static final long RSS_TARGET = 128L * 1024 * 1024;

    /** The report, in Markdown. */
    public String markdown(String command, String machine, String broker) {
        StringBuilder out = new StringBuilder();
        out.append("Command: `").append(command).append("`\n\n");
        out.append("Machine: ").append(machine).append("\n");
        out.append("Broker: ")
                .append(broker)
                .append(". The agent: the standalone jar in a JVM of its own")
                .append(
                        " (`-Xmx48m -XX:+UseSerialGC`, C1 only, as the systemd unit), DTLS with a key per sensor, outbox")
                .append(" on the local disk.\n\n");
        out.append("| measure | figure | target |\n|---|---|---|\n");
        out.append(row(
                "readings accepted over CoAP/DTLS (" + sensors + " sensors, " + senders + " senders), each fsync'd in"
                        + " the outbox before its answer",
                "%,.0f readings/s".formatted(acceptedPerSecond),
                "—"));
        out.append(row(
                "agent resident memory serving them (max)",
                mib(acceptRssBytes),
                "at most 128 MiB" + (acceptRssBytes <= RSS_TARGET ? " (met)" : " (**not met**)")));
        out.append(row("agent CPU serving them", "%.0f %% of a core".formatted(acceptCpuPercent), "—"));
        out.append(row(
                "outbox filled offline with " + "%,d".formatted(buffered) + " readings",
                "%.1f s (%,.0f readings/s)".formatted(fillSeconds, buffered / fillSeconds),
                "—"));
        out.append(row(
                "drain after the outage: readings at the broker",
                "%,.0f readings/s".formatted(drainPerSecond),
                "at least 20,000 readings/s" + (drainPerSecond >= DRAIN_TARGET ? " (met)" : " (**not met**)")));
        out.append(row(
                "agent resident memory while draining (max)",
                mib(drainRssBytes),
                "at most 128 MiB" + (drainRssBytes <= RSS_TARGET ? " (met)" : " (**not met**)")));
        out.append(row("agent CPU while draining", "%.0f %% of a core".formatted(drainCpuPercent), "—"));
        return out.toString();
    }

    private static String row(String measure, String figure, String target) {
        return "| " + measure + " | " + figure + " | " + target + " |\n";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
