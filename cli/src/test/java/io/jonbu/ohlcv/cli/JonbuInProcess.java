package io.jonbu.ohlcv.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs a {@code jonbu} command in this JVM with the environment given (for the Alpaca keys), its stderr into {@code err}. */
final class JonbuInProcess {
    private JonbuInProcess() {}

    static int run(Map<String, String> environment, StringWriter err, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof FetchCommand fetch) {
                    fetch.environment = environment;
                } else if (made instanceof ReplayCommand replay) {
                    replay.environment = environment;
                }
                return made;
            }
        };
        return Jonbu.commandLine(factory).setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter(), true))
                .execute(args);
    }
}
