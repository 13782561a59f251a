package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.cli.config.Settings;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code jonbu --help} lists every command with a one-line summary, and every command has its own help. */
class HelpTest {
    private static final List<String> COMMANDS = List.of("run", "replay", "simulate", "fetch", "export", "serve", "migrate", "symbols",
            "keys", "job", "config", "completion");

    @Test
    void theTopLevelHelpListsEveryCommandWithAWholeSentence() {
        StringWriter out = new StringWriter();
        assertThat(JonbuInProcess.run(Map.of(), out, new StringWriter(), "--help")).isZero();

        for (String command : COMMANDS) {
            assertThat(out.toString()).as(command).containsPattern("(?m)^  " + command + " +[A-Z][^\\n]*\\.$");
        }
        assertThat(out.toString()).contains("Exit codes:").contains("0   success").contains("1   runtime failure").contains("2   bad arguments");
    }

    @Test
    void everyCommandAndSubcommandHasItsOwnHelp() {
        for (String path : Settings.commands(Jonbu.commandLine(new Settings(Map.of(), null))).keySet()) {
            StringWriter out = new StringWriter();
            String[] args = (path + " --help").split(" ");
            assertThat(JonbuInProcess.run(Map.of(), out, new StringWriter(), args)).as(path).isZero();
            assertThat(out.toString()).as(path).contains("Usage: jonbu " + path);
        }
    }
}
