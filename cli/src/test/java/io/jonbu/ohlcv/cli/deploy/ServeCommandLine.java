package io.jonbu.ohlcv.cli.deploy;

import io.jonbu.ohlcv.cli.Jonbu;
import java.util.List;
import picocli.CommandLine;

/**
 * Checks a deployment's {@code jonbu} arguments with jonbu's own command line: parsed, not run, so an
 * unknown option or a value its converter refuses is reported as jonbu would report it.
 */
final class ServeCommandLine {
    private ServeCommandLine() {}

    /** What jonbu says about {@code args}: empty when they parse, else its error message. */
    static String problems(List<String> args) {
        try {
            new CommandLine(new Jonbu()).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
            return "";
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }
}
