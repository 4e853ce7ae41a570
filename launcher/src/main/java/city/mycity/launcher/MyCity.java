package city.mycity.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mycity} command. */
@Command(
        name = "mycity",
        mixinStandardHelpOptions = true,
        version = "MyCity 0.1.0-SNAPSHOT",
        description = "MyCity: an open-source smart-city IoT sensor platform.",
        subcommands = {
            DemoCommand.class,
            ChaosCommand.class,
            BenchCommand.class,
            EdgeBenchCommand.class,
            HistoryBenchCommand.class,
            ApiBenchCommand.class,
            RefusalsCommand.class,
            AlertsCommand.class,
            AccountsCommand.class,
            RegisterCommand.class,
            DevicesCommand.class,
            CredentialsCommand.class,
            BrokerAccessCommand.class,
            CollectRefusalsCommand.class,
            MigrateCommand.class,
            MaintainCommand.class,
            EvalCommand.class,
            VrpCommand.class,
            RoadsCommand.class,
            RoutesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class MyCity implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // Our own logging configuration by name: some dependencies ship a logback.xml of their own. The bench keeps
        // standard output for its report, so it logs to standard error.
        if (System.getProperty("logback.configurationFile") == null) {
            boolean bench = args.length > 0 && "bench".equals(args[0]);
            System.setProperty("logback.configurationFile", bench ? "mycity-bench-logback.xml" : "mycity-logback.xml");
        }
        // Descriptions are written as lines of up to about 110 characters: a narrower help would wrap them again.
        System.exit(commandLine().execute(args));
    }

    /** The command line, with the database's absence said in one line rather than a stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new MyCity()).setUsageHelpWidth(120).setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CommandDatabase.Unavailable) {
                line.getErr().println(e.getMessage());
                return 2;
            }
            throw e;
        });
    }
}
