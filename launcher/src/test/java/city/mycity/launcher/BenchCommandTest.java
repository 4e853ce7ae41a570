package city.mycity.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.bench.BrokerChoice;
import city.mycity.bench.MessageForm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    /** Runs {@code mycity bench ...}, which fails before starting anything; returns the exit code and what it said. */
    private static String[] run(String... args) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            String[] command = new String[args.length + 1];
            command[0] = "bench";
            System.arraycopy(args, 0, command, 1, args.length);
            int code = new CommandLine(new MyCity()).execute(command);
            return new String[] {Integer.toString(code), errors.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    void reads_message_forms_and_brokers_by_name() {
        assertThat(BenchCommand.forms("both")).containsExactly(MessageForm.PACKS, MessageForm.DEVICES);
        assertThat(BenchCommand.forms("Devices")).containsExactly(MessageForm.DEVICES);
        assertThat(BenchCommand.choice("mosquitto")).isEqualTo(BrokerChoice.MOSQUITTO);
        assertThatThrownBy(() -> BenchCommand.choice("emqx"))
                .hasMessage("Unknown broker 'emqx': use embedded or mosquitto.");
    }

    @Test
    void refuses_an_unknown_form_before_starting_anything() {
        String[] result = run("--form", "trucks");

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).contains("Unknown message form 'trucks'").contains("./mycity bench --help");
    }

    @Test
    void refuses_a_start_rate_for_an_unknown_form_and_a_hold_of_zero() {
        assertThat(run("--start-rate", "lorries=5000")[1]).contains("Unknown message form 'lorries'");
        assertThat(run("--seconds", "0")[1]).contains("Hold must be positive");
        assertThat(run("--rows", "10")[1]).contains("Database rows (10) must be at least 1000");
    }
}
