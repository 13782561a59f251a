package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/replay");

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int jonbu(String... args) {
        return Jonbu.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter(), true)).execute(args);
    }

    @Test
    void replayOfTheCheckedInFileGivesTheCheckedInCsv() throws Exception {
        Path out = dir.resolve("candles.csv");

        int code = jonbu("replay", "--input", FIXTURES.resolve("trades.ndjson").toString(), "--output", out.toString());

        assertThat(code).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(FIXTURES.resolve("expected-candles.csv")));
        assertThat(err.toString()).contains("replayed 74 trades into 128 candles").contains("2 malformed message(s)");
    }

    @Test
    void onlyTheRequestedTimeframesAreWritten() throws Exception {
        Path out = dir.resolve("daily.csv");

        assertThat(jonbu("replay", "--input", FIXTURES.resolve("trades.ndjson").toString(), "--output", out.toString(),
                "--timeframes", "1d")).isZero();

        assertThat(Files.readAllLines(out)).containsExactlyElementsOf(
                Files.readAllLines(FIXTURES.resolve("expected-candles.csv")).stream()
                        .filter(l -> l.startsWith("symbol,") || l.contains(",1d,")).toList());
    }

    @Test
    void badArgumentsExitWithTwoAndNameTheOption() {
        assertThat(jonbu("replay", "--input", dir.resolve("missing.ndjson").toString(), "--output", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("--input: cannot read file");

        assertThat(jonbu("replay", "--input", FIXTURES.resolve("trades.ndjson").toString(), "--output", "x.csv", "--timeframes", "2m"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--timeframes").contains("unknown timeframe '2m'");

        assertThat(jonbu("replay", "--output", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--input=FILE'");
    }
}
