package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Street;
import city.mycity.citymodel.exception.CityImportException;
import city.mycity.routing.road.RoadGraph;
import city.mycity.routing.road.Snap;
import city.mycity.routing.road.TravelMatrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mycity roads}: the city's road graph, measured. */
@Command(
        name = "roads",
        mixinStandardHelpOptions = true,
        header = "Builds the road graph of a city and measures a travel-time matrix on it.",
        subcommands = {RoadsCommand.Matrix.class})
final class RoadsCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "matrix",
            mixinStandardHelpOptions = true,
            header = "Times the travel-time and distance matrix between random places on the roads.",
            description = {
                "Loads the city (the generated town, or an OpenStreetMap extract with --osm), builds its road graph,",
                "snaps N random places near its streets to the network and computes every travel time and distance",
                "between them, on every processor. Prints each step's time; --repeat times the matrix several times."
            })
    static final class Matrix implements Callable<Integer> {

        @Option(
                names = "--osm",
                paramLabel = "FILE",
                description = "An OpenStreetMap extract (default: the generated town).")
        private Path osm;

        @Option(names = "--points", defaultValue = "300", description = "Places (default: ${DEFAULT-VALUE}).")
        private int points;

        @Option(names = "--repeat", defaultValue = "5", description = "Matrices timed (default: ${DEFAULT-VALUE}).")
        private int repeat;

        @Option(names = "--seed", defaultValue = "1", description = "Where the places fall (default: 1).")
        private long seed;

        @Option(names = "--docs", paramLabel = "FILE", description = "Also write the report into this file's section.")
        private Path docs;

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (points < 2 || repeat < 1) {
                System.err.println("--points must be at least 2 and --repeat at least 1.");
                return 2;
            }
            long started = System.nanoTime();
            CityModel city;
            try {
                city = osm == null ? CityModels.generated(seed) : CityModels.openStreetMap(osm);
            } catch (CityImportException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            double loaded = seconds(started);
            started = System.nanoTime();
            RoadGraph roads = RoadGraph.of(city);
            double built = seconds(started);
            started = System.nanoTime();
            List<Snap> places = places(city, roads);
            double snapped = seconds(started);
            double[] times = new double[repeat];
            TravelMatrix matrix = null;
            ProgressBar bar = new ProgressBar(System.err, repeat, "matrices");
            for (int r = 0; r < repeat; r++) {
                started = System.nanoTime();
                matrix = TravelMatrix.between(roads, places);
                times[r] = seconds(started);
                bar.update(r + 1);
            }
            bar.clear();
            Arrays.sort(times);
            String report = String.format(
                    Locale.ROOT,
                    "`%s` on %d processors:%n%n| what | figure |%n|---|---|%n"
                            + "| city | %s: %,d streets |%n"
                            + "| road graph | %,d nodes, %,d segments, built in %.2f s (the city loaded in %.1f s) |%n"
                            + "| %d places snapped | %.3f s |%n"
                            + "| %d × %d matrix (time and distance) | median %.3f s, best %.3f s of %d |%n"
                            + "| mean trip between the places | %.0f s, %.0f m |%n",
                    BenchOutput.commandLine(spec),
                    Runtime.getRuntime().availableProcessors(),
                    city.name(),
                    city.streets().size(),
                    roads.nodes(),
                    roads.segments(),
                    built,
                    loaded,
                    points,
                    snapped,
                    points,
                    points,
                    times[repeat / 2],
                    times[0],
                    repeat,
                    mean(matrix.seconds()),
                    mean(matrix.metres()));
            BenchOutput.publish(report, docs, "roads-matrix", "## Road graph: `./mycity roads matrix`");
            return 0;
        }

        private List<Snap> places(CityModel city, RoadGraph roads) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Street> streets = city.streets();
            List<Snap> places = new ArrayList<>();
            while (places.size() < points) {
                Street street = streets.get(random.nextInt(streets.size()));
                int i = random.nextInt(street.points().size() - 1);
                GeoPoint a = street.points().get(i);
                GeoPoint b = street.points().get(i + 1);
                places.add(roads.snap(
                        new GeoPoint((a.latitude() + b.latitude()) / 2, (a.longitude() + b.longitude()) / 2), 2_000));
            }
            return places;
        }

        private static double mean(double[][] matrix) {
            return Arrays.stream(matrix)
                    .flatMapToDouble(Arrays::stream)
                    .filter(Double::isFinite)
                    .average()
                    .orElse(Double.NaN);
        }

        private static double seconds(long since) {
            return (System.nanoTime() - since) / 1e9;
        }
    }
}
