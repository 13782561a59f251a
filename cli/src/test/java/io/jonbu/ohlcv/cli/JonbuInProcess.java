package io.jonbu.ohlcv.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs a {@code jonbu} command in this JVM with the environment given (for the Alpaca keys), its stderr into {@code err}. */
final class JonbuInProcess {
    private JonbuInProcess() {}

    static int run(Map<String, String> environment, StringWriter err, String... args) {
        return run(environment, new StringWriter(), err, args);
    }

    static int run(Map<String, String> environment, StringWriter out, StringWriter err, String... args) {
        return Jonbu.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
