package city.mycity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    /** Runs {@code mycity eval ...}; returns the exit code, what it printed and what it complained about. */
    private static String[] run(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "eval";
        System.arraycopy(args, 0, command, 1, args.length);
        return CommandRun.run(command);
    }

    /** The shared Birmingham file split by month, as the docs show it (the shared file is read, never changed). */
    private static Path month(Path folder, String month) throws Exception {
        List<String> lines =
                Files.readAllLines(SharedData.resolve("parking-birmingham/parking_birmingham_2016-10_2016-11.csv"));
        List<String> kept = lines.stream()
                .filter(line -> line.startsWith("SystemCodeNumber") || line.contains("," + month + "-"))
                .toList();
        return Files.write(folder.resolve(month + ".csv"), kept);
    }

    @Test
    void parking_prints_the_table_and_writes_every_forecast(@TempDir Path folder) throws Exception {
        Path predictions = folder.resolve("forecasts.csv");

        String[] result = run(
                "parking",
                "--train",
                month(folder, "2016-10").toString(),
                "--test",
                month(folder, "2016-11").toString(),
                "--predictions",
                predictions.toString());

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1])
                .contains("| 30 min | model: profile + drift |", "| 60 min | adjusted last value |")
                .contains("exact duplicates dropped")
                .containsPattern("At 30 min the model's error is \\d+% below .*: met\\.");
        List<String> rows = Files.readAllLines(predictions);
        assertThat(rows.get(0)).isEqualTo("carpark,issued_at,horizon_min,predicted_occupancy");
        assertThat(rows.get(1)).matches("[^,]+,2016-11-\\d\\d \\d\\d:\\d\\d:\\d\\d,(30|60),\\d+\\.\\d");
    }

    @Test
    void parking_refuses_a_file_of_another_format_clearly(@TempDir Path folder) throws Exception {
        Path other = Files.writeString(folder.resolve("other.csv"), "date_time,traffic_volume\n");

        String[] result = run("parking", "--train", other.toString(), "--test", other.toString());

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("is not a car-park occupancy file").contains("./mycity eval parking --help");
    }

    @Test
    void traffic_prints_the_table_and_writes_every_forecast(@TempDir Path folder) throws Exception {
        List<String> lines = Files.readAllLines(SharedData.resolve("traffic-i94/i94_traffic_volume_2012-2017.csv"));
        Path train = Files.write(
                folder.resolve("train.csv"),
                lines.stream().filter(line -> !line.contains(",2017-")).toList());
        Path test = Files.write(
                folder.resolve("test.csv"),
                lines.stream()
                        .filter(line -> line.startsWith("holiday,") || line.contains(",2017-"))
                        .toList());
        Path predictions = folder.resolve("forecasts.csv");

        String[] result = run(
                "traffic",
                "--train",
                train.toString(),
                "--test",
                test.toString(),
                "--predictions",
                predictions.toString());

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1])
                .contains("| last hour + median change (6 weeks) |", "repeated hours, first count kept")
                .containsPattern("The model's error is \\d+% below .*: met\\.");
        List<String> rows = Files.readAllLines(predictions);
        assertThat(rows.get(0)).isEqualTo("date_time,predicted_volume");
        assertThat(rows.get(1)).matches("2017-01-01 01:00:00,\\d+");
    }
}
