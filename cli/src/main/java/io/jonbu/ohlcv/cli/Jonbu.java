package io.jonbu.ohlcv.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jonbu} command. Exit codes: 0 success, 1 runtime failure, 2 bad arguments.
 */
@Command(
        name = "jonbu",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Alpaca trades to OHLCV candles with Apache Flink.",
        subcommands = {RunCommand.class, ReplayCommand.class, SimulateCommand.class, FetchCommand.class, ExportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime failure", "2:bad arguments"})
public final class Jonbu {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the project's exit codes: usage errors 2, failures 1. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The same, with commands made by {@code factory} (tests hand commands their environment). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(new Jonbu(), factory)
                .setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
