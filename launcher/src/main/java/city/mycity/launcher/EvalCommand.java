package city.mycity.launcher;

import city.mycity.analytics.bins.eval.BinsEvaluation;
import city.mycity.analytics.bins.eval.BinsReport;
import city.mycity.analytics.bins.eval.EdinburghCsv;
import city.mycity.analytics.parking.eval.BirminghamCsv;
import city.mycity.analytics.parking.eval.ParkingEvaluation;
import city.mycity.analytics.parking.eval.ParkingReport;
import city.mycity.analytics.traffic.eval.I94Csv;
import city.mycity.analytics.traffic.eval.TrafficEvaluation;
import city.mycity.analytics.traffic.eval.TrafficReport;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.simulator.device.DayClock;
import city.mycity.simulator.water.LeakReport;
import city.mycity.simulator.water.LeakTrial;
import city.mycity.simulator.water.WaterIncident;
import city.mycity.simulator.water.WaterIncidents;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mycity eval}: the analytics measured on real data against their baselines. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        header = "Measures a forecaster on real data against simple baselines and prints the table.",
        description =
                "Each subcommand reads real data in place, prints a Markdown table and says whether the target is met.",
        subcommands = {
            EvalCommand.Parking.class,
            EvalCommand.Traffic.class,
            EvalCommand.Bins.class,
            EvalCommand.Leaks.class
        })
final class EvalCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Says why the data could not be read, and where help is; the exit code for it. */
    private static int refuse(String subcommand, RuntimeException e) {
        System.err.println(e.getMessage());
        System.err.println("See ./mycity eval " + subcommand + " --help.");
        return 2;
    }

    /** Prints an evaluation's table, and where its forecasts went; the exit code for success. */
    private static int report(PrintStream out, List<String> lines, Path predictions) {
        lines.forEach(out::println);
        if (predictions != null) {
            out.println("Forecasts written to " + predictions);
        }
        return 0;
    }

    @Command(
            name = "parking",
            mixinStandardHelpOptions = true,
            header = "Car-park occupancy forecasts 30 and 60 minutes ahead against three baselines.",
            description = {
                "Car-park occupancy forecasts 30 and 60 minutes ahead: the model against the last value, the same time",
                "a week earlier and the last value adjusted by the car park's typical change. Files in Birmingham's",
                "format (SystemCodeNumber,Capacity,Occupancy,LastUpdated), dirty rows included; e.g. October and",
                "November 2016 of ../shared/data/parking-birmingham, split by month (see docs/forecasts.md)."
            })
    static final class Parking implements Callable<Integer> {

        @Option(names = "--train", required = true, description = "Readings to fit the model on.")
        Path train;

        @Option(names = "--test", required = true, description = "Readings to forecast and score.")
        Path test;

        @Option(
                names = "--predictions",
                description = "Also write every forecast of the model as CSV:"
                        + " carpark,issued_at,horizon_min,predicted_occupancy.")
        Path predictions;

        @Override
        public Integer call() throws IOException {
            PrintStream out = System.out;
            BirminghamCsv.Contents training;
            BirminghamCsv.Contents testing;
            try {
                training = BirminghamCsv.read(train);
                testing = BirminghamCsv.read(test);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return refuse("parking", e);
            }
            out.println("Training: " + training.summary());
            out.println("Test:     " + testing.summary());
            ParkingEvaluation evaluation = new ParkingEvaluation(training.records(), testing.records());
            ProgressBar bar = new ProgressBar(out, testing.records().size(), "test readings");
            ParkingEvaluation.Result result;
            try (PredictionsFile file =
                    PredictionsFile.open(predictions, "carpark,issued_at,horizon_min,predicted_occupancy")) {
                result = evaluation.run(
                        p -> file.row(String.format(
                                Locale.ROOT,
                                "%s,%s,%d,%.1f",
                                p.carPark(),
                                p.issuedAt(),
                                p.horizonMinutes(),
                                p.predicted())),
                        share -> bar.update(Math.round(share * testing.records().size())));
            }
            bar.clear();
            return report(out, ParkingReport.lines(result), predictions);
        }
    }

    @Command(
            name = "traffic",
            mixinStandardHelpOptions = true,
            header = "Hourly traffic volume one hour ahead against three baselines.",
            description = {
                "The model against the last hour, the same hour a week earlier and the last hour plus the median change",
                "to the next hour on the same weekday over the previous six weeks. Files in the format of the UCI",
                "I-94 counts (holiday,...,date_time,traffic_volume), repeated and missing hours as given; e.g.",
                "../shared/data/traffic-i94 split into 2012-2016 and 2017 (see docs/forecasts.md)."
            })
    static final class Traffic implements Callable<Integer> {

        @Option(names = "--train", required = true, description = "Hourly counts to fit the model on.")
        Path train;

        @Option(names = "--test", required = true, description = "Hourly counts to forecast and score.")
        Path test;

        @Option(
                names = "--predictions",
                description = "Also write every forecast of the model as CSV: date_time,predicted_volume (the hour"
                        + " forecast).")
        Path predictions;

        @Override
        public Integer call() throws IOException {
            PrintStream out = System.out;
            I94Csv.Contents training;
            I94Csv.Contents testing;
            try {
                training = I94Csv.read(train);
                testing = I94Csv.read(test);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return refuse("traffic", e);
            }
            out.println("Training: " + training.summary());
            out.println("Test:     " + testing.summary());
            ProgressBar bar = new ProgressBar(out, testing.hours().size(), "test hours");
            TrafficEvaluation.Result result;
            try (PredictionsFile file = PredictionsFile.open(predictions, "date_time,predicted_volume")) {
                result = new TrafficEvaluation(training, testing)
                        .run(
                                p -> file.row(String.format(
                                        Locale.ROOT, "%s,%.0f", I94Csv.TIME.format(p.hour()), p.predicted())),
                                share -> bar.update(
                                        Math.round(share * testing.hours().size())));
            }
            bar.clear();
            return report(out, TrafficReport.lines(result), predictions);
        }
    }

    @Command(
            name = "bins",
            mixinStandardHelpOptions = true,
            header = "Each bin's fill at its next collection, from its earlier ones, against the previous fill.",
            description = {
                "Files in the format of Edinburgh's litter-bin collections (event_id,site_id,...,fill_level_before_pct,",
                "fill_level_after_pct,...), e.g. ../shared/data/bins-edinburgh/edinburgh_litter_bin_collections_2016.csv,",
                "read as given (partial collections included)."
            })
    static final class Bins implements Callable<Integer> {

        @picocli.CommandLine.Parameters(paramLabel = "FILE", description = "Collections to forecast and score.")
        Path file;

        @Option(
                names = "--predictions",
                description = "Also write every forecast as CSV: site_id,collected_at,predicted_fill_pct.")
        Path predictions;

        @Override
        public Integer call() throws IOException {
            PrintStream out = System.out;
            EdinburghCsv.Contents contents;
            try {
                contents = EdinburghCsv.read(file);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return refuse("bins", e);
            }
            out.println("Data: " + contents.summary());
            BinsEvaluation.Result result;
            try (PredictionsFile csv = PredictionsFile.open(predictions, "site_id,collected_at,predicted_fill_pct")) {
                result = new BinsEvaluation(contents)
                        .run(p -> csv.row(String.format(
                                Locale.ROOT,
                                "%s,%s,%.1f",
                                p.site(),
                                EdinburghCsv.TIME.format(p.collectedAt()),
                                p.predicted())));
            }
            return report(out, BinsReport.lines(result), predictions);
        }
    }

    @Command(
            name = "leaks",
            mixinStandardHelpOptions = true,
            header = "Leak and burst detection on the simulated water sensors, against planned incidents.",
            description = {
                "Runs every water sensor of the city (the generated town, or --osm) twice with the detectors the stream",
                "job runs: once with a leak or a burst planned on each sensor, once without any. Prints the leaks found",
                "within a night, the bursts found within 15 minutes, and the false alarms per 1,000 sensor-days."
            })
    static final class Leaks implements Callable<Integer> {

        @Option(
                names = "--days",
                defaultValue = "30",
                description = "Days of the run with incidents (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(
                names = "--quiet-days",
                defaultValue = "90",
                description = "Days of the run without incidents (default: ${DEFAULT-VALUE}).")
        int quietDays;

        @Option(
                names = "--seed",
                defaultValue = "42",
                description = "Seed of the town and the incidents (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--osm",
                description = "An OpenStreetMap extract to place the sensors in, instead of the generated town.")
        Path osm;

        @Option(
                names = "--zone",
                defaultValue = "Europe/London",
                description = "The city's time zone (default: ${DEFAULT-VALUE}).")
        java.time.ZoneId zone;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            if (days < WaterIncidents.QUIET_DAYS + 3 || quietDays < 1) {
                System.err.println("A run with incidents needs at least " + (WaterIncidents.QUIET_DAYS + 3)
                        + " days, and a quiet run at least one. See ./mycity eval leaks --help.");
                return 2;
            }
            CityModel city = osm == null ? CityModels.generated(seed) : CityModels.openStreetMap(osm);
            LeakTrial trial;
            try {
                trial = new LeakTrial(city.sensors(), zone, seed);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            long start = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();
            out.printf(
                    "%s: %d water sensors, %d days with incidents, %d days without%n",
                    city.name(), trial.sensors().size(), days, quietDays);
            List<WaterIncident> incidents = WaterIncidents.plan(trial.sensors(), seed, start, days, new DayClock(zone));
            ProgressBar bar = new ProgressBar(out, 2L * trial.sensors().size(), "sensors");
            LeakTrial.Result withIncidents = trial.run(
                    start,
                    days,
                    incidents,
                    share -> bar.update(Math.round(share * trial.sensors().size())));
            LeakTrial.Result quiet = trial.run(
                    start,
                    quietDays,
                    List.of(),
                    share -> bar.update(trial.sensors().size()
                            + Math.round(share * trial.sensors().size())));
            bar.clear();
            LeakReport.lines(withIncidents, quiet).forEach(out::println);
            return 0;
        }
    }
}
