package city.mycity.simulator.water;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The leak trial's table, as {@code ./mycity eval leaks} prints it (Markdown). */
public final class LeakReport {

    /** At most this many false alarms per 1,000 sensor-days on a run without incidents. */
    public static final double FALSE_ALARM_CEILING = 1.0;

    private LeakReport() {}

    public static List<String> lines(LeakTrial.Result withIncidents, LeakTrial.Result quiet) {
        List<String> lines = new ArrayList<>();
        lines.add("| run | what | injected | found in time | slowest | false alarms |");
        lines.add("|---|---|---:|---:|---:|---:|");
        for (WaterIncident.Kind kind : WaterIncident.Kind.values()) {
            lines.add(String.format(
                    "| with incidents | %s (%s) | %d | %d | %s | |",
                    kind == WaterIncident.Kind.LEAK ? "leaks" : "bursts",
                    kind == WaterIncident.Kind.LEAK ? "within a night" : "within 15 min",
                    withIncidents.injected(kind),
                    withIncidents.found(kind),
                    withIncidents.slowest(kind).map(LeakReport::format).orElse("-")));
        }
        lines.add(String.format(
                "| with incidents | false alarms | | | | %d in %.0f sensor-days |",
                withIncidents.falseAlarms(), withIncidents.sensorDays()));
        lines.add(String.format(
                "| without incidents | false alarms | | | | %d in %.0f sensor-days (%.2f per 1,000) |",
                quiet.falseAlarms(), quiet.sensorDays(), quiet.falseAlarmsPerThousandSensorDays()));
        lines.add("");
        boolean allFound = withIncidents.outcomes().stream().allMatch(LeakTrial.Outcome::inTime);
        boolean quietEnough = quiet.falseAlarmsPerThousandSensorDays() <= FALSE_ALARM_CEILING;
        lines.add(String.format(
                "Every incident found in time: %s. False alarms at most %.0f per 1,000 sensor-days: %s.",
                allFound ? "yes" : "NO", FALSE_ALARM_CEILING, quietEnough ? "yes" : "NO"));
        return lines;
    }

    private static String format(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 120 ? String.format("%.1f h", minutes / 60.0) : minutes + " min";
    }
}
