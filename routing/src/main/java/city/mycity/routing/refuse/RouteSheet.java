package city.mycity.routing.refuse;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;

/** A plan as crews read it: per truck, the bins in order with the time to be there, then what was left out. */
public final class RouteSheet {

    private RouteSheet() {}

    /** The sheet as plain text (Markdown), times of day counted from the shift's start. */
    public static String text(RefusePlan plan, LocalTime shiftStarts) {
        StringBuilder out = new StringBuilder();
        for (TruckRoute route : plan.routes()) {
            out.append(String.format(
                    Locale.ROOT,
                    "## Truck %d: %d bins, %.1f km, %s, load %d%n%n| # | bin | be there at | where |%n|---:|---|---|---|%n",
                    route.truck(),
                    route.stops().size(),
                    route.metres() / 1000,
                    hours(route.seconds()),
                    route.load()));
            for (int i = 0; i < route.stops().size(); i++) {
                BinStop bin = route.stops().get(i);
                out.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %s | %.5f, %.5f |%n",
                        i + 1,
                        bin.id(),
                        shiftStarts.plusSeconds(Math.round(route.arrivals()[i])),
                        bin.location().latitude(),
                        bin.location().longitude()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%nBack at the depot at %s.%n%n",
                    shiftStarts.plusSeconds(Math.round(route.seconds()))));
        }
        if (!plan.unplanned().isEmpty()) {
            out.append("## Not planned\n\n");
            plan.unplanned().forEach(u -> out.append("- ")
                    .append(u.bin().id())
                    .append(": ")
                    .append(u.reason())
                    .append('\n'));
        }
        return out.toString();
    }

    private static String hours(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
    }
}
