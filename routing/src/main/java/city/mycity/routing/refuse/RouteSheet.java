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
                    "## Truck %d: %d bins in %d trip%s, %.1f km, back at %s%n%n",
                    route.truck(),
                    route.stops().size(),
                    route.trips().size(),
                    route.trips().size() == 1 ? "" : "s",
                    route.metres() / 1000,
                    shiftStarts.plusSeconds(Math.round(route.back()))));
            for (int t = 0; t < route.trips().size(); t++) {
                Trip trip = route.trips().get(t);
                out.append(String.format(
                        Locale.ROOT,
                        "Trip %d: leave the depot at %s, %d bins, %.1f km, %s.%n%n| # | bin | be there at | where |%n"
                                + "|---:|---|---|---|%n",
                        t + 1,
                        shiftStarts.plusSeconds(Math.round(trip.leaves())),
                        trip.stops().size(),
                        trip.metres() / 1000,
                        hours(trip.seconds())));
                for (int i = 0; i < trip.stops().size(); i++) {
                    BinStop bin = trip.stops().get(i);
                    out.append(String.format(
                            Locale.ROOT,
                            "| %d | %s | %s | %.5f, %.5f |%n",
                            i + 1,
                            bin.id(),
                            shiftStarts.plusSeconds(Math.round(trip.arrivals()[i])),
                            bin.location().latitude(),
                            bin.location().longitude()));
                }
                out.append(String.format(
                        Locale.ROOT,
                        "%nBack at the depot to unload at %s.%n%n",
                        shiftStarts.plusSeconds(Math.round(trip.back()))));
            }
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
