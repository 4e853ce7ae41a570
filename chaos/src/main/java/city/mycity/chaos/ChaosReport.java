package city.mycity.chaos;

import city.mycity.simulator.DeviceTally;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run found: each fault's recovery time, and whether the store holds exactly the valid readings the
 * simulator's ledger says were sent: the count, and a tally (count, sum of times, sum of values) per device.
 *
 * @param readingsPerSecond the valid readings the simulator sent per second, over the whole run
 * @param mismatches the devices whose stored tally differs from the ledger's, with both (empty when all agree)
 */
public record ChaosReport(
        List<Recovery> recoveries,
        long messagesSent,
        long validReadings,
        long storedReadings,
        int devices,
        double readingsPerSecond,
        Map<String, Mismatch> mismatches) {

    /** One fault: how long until every reading sent up to 2 s after the part came back was stored. */
    public record Recovery(Scenario scenario, Duration faultTook, Duration recovery) {}

    /** A device whose store disagrees with the ledger. */
    public record Mismatch(DeviceTally sent, DeviceTally stored) {}

    public ChaosReport {
        recoveries = List.copyOf(recoveries);
        mismatches = Map.copyOf(mismatches);
    }

    /** Whether the store holds exactly what was sent: every reading once, each device's tally equal. */
    public boolean exact() {
        return storedReadings == validReadings && mismatches.isEmpty();
    }

    /** The report as a table for a terminal or docs/benchmarks.md. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("| fault | fault took | recovered in |\n|---|---|---|\n");
        for (Recovery r : recoveries) {
            out.append("| ")
                    .append(r.scenario().description())
                    .append(" | ")
                    .append(seconds(r.faultTook()))
                    .append(" | ")
                    .append(seconds(r.recovery()))
                    .append(" |\n");
        }
        out.append("\nSent ")
                .append(messagesSent)
                .append(" messages, ")
                .append(validReadings)
                .append(" valid readings (")
                .append(Math.round(readingsPerSecond))
                .append(" readings/s) from ")
                .append(devices)
                .append(" devices; stored ")
                .append(storedReadings)
                .append(" readings: ")
                .append(
                        exact()
                                ? "exactly what was sent, every device's count and checksum equal"
                                : "NOT what was sent")
                .append(".\n");
        mismatches.forEach((device, m) -> out.append("  ")
                .append(device)
                .append(": sent ")
                .append(m.sent())
                .append(", stored ")
                .append(m.stored())
                .append('\n'));
        return out.toString();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
