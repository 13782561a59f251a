package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigDefaults;
import io.jonbu.ohlcv.cli.config.ConfigException;
import io.jonbu.ohlcv.cli.config.Settings;
import io.jonbu.ohlcv.cli.config.UsesSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jonbu} command. Exit codes: 0 success, 1 runtime failure, 2 bad arguments or config.
 */
@Command(
        name = "jonbu",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Alpaca trades to OHLCV candles with Apache Flink.",
        subcommands = {RunCommand.class, ReplayCommand.class, SimulateCommand.class, FetchCommand.class, ExportCommand.class,
            ServeCommand.class, MigrateCommand.class, SymbolsCommand.class, KeysCommand.class, JobCommand.class, ConfigCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime failure", "2:bad arguments or config"})
public final class Jonbu {

    public static void main(String[] args) {
        System.exit(execute(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs one command line: the config file and the environment are read and checked first, every
     * problem in them reported at once (exit 2), then picocli parses the flags over them.
     */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        Settings settings;
        try {
            settings = Settings.of(environment, args);
        } catch (ConfigException e) {
            return report(err, e.problems());
        }
        List<String> problems = settings.problems(commandLine(settings));
        if (!problems.isEmpty()) {
            return report(err, problems);
        }
        return commandLine(settings).setOut(out).setErr(err).setDefaultValueProvider(new ConfigDefaults(settings)).execute(args);
    }

    private static int report(PrintWriter err, List<String> problems) {
        err.println("jonbu: the configuration has " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
        problems.forEach(p -> err.println("  " + p));
        err.flush();
        return 2;
    }

    /** The command line whose commands get {@code settings}, with the project's exit codes: usage errors 2, failures 1. */
    static CommandLine commandLine(Settings settings) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof UsesSettings user) {
                    user.use(settings);
                }
                return made;
            }
        };
        return new CommandLine(new Jonbu(), factory)
                .setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
