package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.exception.CityImportException;
import city.mycity.reading.SensorKind;
import city.mycity.routing.refuse.BinStop;
import city.mycity.routing.refuse.RefusePlan;
import city.mycity.routing.refuse.RefusePlanner;
import city.mycity.routing.refuse.RefuseRound;
import city.mycity.routing.refuse.RouteGeoJson;
import city.mycity.routing.refuse.RouteSheet;
import city.mycity.routing.road.RoadGraph;
import city.mycity.routing.vrp.solver.Solver;
import city.mycity.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mycity routes}: refuse rounds planned on the city's roads. */
@Command(
        name = "routes",
        mixinStandardHelpOptions = true,
        header = "Plans refuse collection routes on the city's roads.",
        subcommands = {RoutesCommand.Plan.class})
final class RoutesCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            header = "Plans a round for the city's bins: a route per truck, the fewest metres, within the shift.",
            description = {
                "Takes the bins of the city (the generated town, or an OpenStreetMap extract with --osm), the trucks,",
                "their capacity (in bins) and the shift, and plans the routes on the roads: prints the route sheet,",
                "and writes the routes as GeoJSON with --geojson. Ctrl-C stops the search and keeps the best plan."
            })
    static final class Plan implements Callable<Integer> {

        @Option(
                names = "--osm",
                paramLabel = "FILE",
                description = "An OpenStreetMap extract (default: the generated town).")
        private Path osm;

        @Option(names = "--bins", description = "Plan only the first N bins of the city (default: all).")
        private Integer bins;

        @Option(names = "--trucks", defaultValue = "3", description = "Trucks (default: ${DEFAULT-VALUE}).")
        private int trucks;

        @Option(
                names = "--capacity",
                defaultValue = "60",
                description = "Bins a truck empties before it goes back to unload (default: ${DEFAULT-VALUE}).")
        private int capacity;

        @Option(names = "--shift", defaultValue = "8h", description = "Shift length (default: ${DEFAULT-VALUE}).")
        private String shift;

        @Option(
                names = "--emptying",
                defaultValue = "1m",
                description = "Time to empty one bin (default: ${DEFAULT-VALUE}).")
        private String emptying;

        @Option(
                names = "--depot",
                paramLabel = "LAT,LON",
                description = "Where the trucks leave from and come back to (default: the middle of the city).")
        private String depot;

        @Option(names = "--seconds", defaultValue = "30", description = "Search time (default: ${DEFAULT-VALUE}).")
        private double seconds;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: 1).")
        private long seed;

        @Option(names = "--geojson", paramLabel = "FILE", description = "Write the routes as GeoJSON.")
        private Path geojson;

        @Override
        public Integer call() throws Exception {
            CityModel city;
            RefuseRound round;
            try {
                city = osm == null ? CityModels.generated(seed) : CityModels.openStreetMap(osm);
                List<BinStop> stops = city.sensors().stream()
                        .filter(s -> s.kind() == SensorKind.BIN)
                        .limit(bins == null ? Long.MAX_VALUE : bins)
                        .map(s -> new BinStop(s.id(), s.location(), 1))
                        .toList();
                round = new RefuseRound(
                        depot(city),
                        stops,
                        trucks,
                        capacity,
                        Settings.parseDuration(shift),
                        Settings.parseDuration(emptying));
            } catch (CityImportException | IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            System.err.printf(
                    Locale.ROOT,
                    "%s: %d bins, %d trucks of %d, a shift of %s%n",
                    city.name(),
                    round.bins().size(),
                    trucks,
                    capacity,
                    round.shift());
            ProgressBar bar = new ProgressBar(System.err, 100, "% of the search");
            AtomicReference<Solver> running = new AtomicReference<>();
            Thread stop = new Thread(() -> {
                Solver solver = running.get();
                if (solver != null) {
                    solver.stop();
                }
            });
            Runtime.getRuntime().addShutdownHook(stop);
            RefusePlan plan;
            try {
                plan = new RefusePlanner(RoadGraph.of(city))
                        .plan(
                                round,
                                problem -> Solver.builder(problem)
                                        .seed(seed)
                                        .timeLimit(Duration.ofMillis(Math.round(seconds * 1000)))
                                        .listener((cost, progress) -> bar.update(Math.round(progress * 100))),
                                running::set);
            } catch (IllegalArgumentException | IllegalStateException e) {
                System.err.println(e.getMessage());
                return 2;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException e) {
                    // Shutting down after Ctrl-C: the hook stopped the search.
                }
            }
            bar.clear();
            System.out.print(RouteSheet.text(plan, LocalTime.of(6, 0)));
            System.err.printf(
                    Locale.ROOT,
                    "%d trucks, %d bins planned, %d left out, %.1f km in all (%,d search steps)%n",
                    plan.routes().size(),
                    plan.binsPlanned(),
                    plan.unplanned().size(),
                    plan.metres() / 1000,
                    plan.steps());
            if (geojson != null) {
                Files.writeString(geojson, RouteGeoJson.of(plan), StandardCharsets.UTF_8);
                System.err.println("Routes written to " + geojson);
            }
            return 0;
        }

        private GeoPoint depot(CityModel city) {
            if (depot == null) {
                return city.bounds().center();
            }
            String[] parts = depot.split(",");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--depot is LAT,LON, e.g. 50.05,11.59");
            }
            return new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        }
    }
}
