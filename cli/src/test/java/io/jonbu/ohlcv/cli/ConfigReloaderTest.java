package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.cli.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits of a running command's config file: applied where the running system can take them. */
class ConfigReloaderTest {
    @TempDir
    Path dir;

    private final List<List<String>> tracked = new ArrayList<>();
    private final List<List<String>> untracked = new ArrayList<>();
    private final ConfigReloader.Target target = new ConfigReloader.Target() {
        @Override
        public void track(List<String> symbols) {
            tracked.add(symbols);
        }

        @Override
        public void untrack(List<String> symbols) {
            untracked.add(symbols);
        }
    };

    private Path file;
    private int edits;

    private void write(String yaml) throws Exception {
        Files.writeString(file, yaml);
        // a later modification time, as an edit some seconds after the last would have
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + 10_000L * ++edits));
    }

    private ConfigReloader reloader(Map<String, String> environment, List<String> flags, String yaml) throws Exception {
        file = dir.resolve("jonbu.yaml");
        write(yaml);
        Settings settings = Settings.of(environment, "run", "--config", file.toString());
        return new ConfigReloader(settings, Jonbu.commandLine(settings), "run", flags, target);
    }

    @Test
    void symbolsEditedInTheFileAreTrackedOrUntrackedLogLevelsApplyAndOtherSettingsWaitForTheNextStart() throws Exception {
        ConfigReloader reloader = reloader(Map.of(), List.of(), """
                feed: {symbols: [AAPL, MSFT]}
                job: {parallelism: 2}
                logging: {level: ["io.jonbu.reload.test=info"]}
                """);
        assertThat(reloader.check()).as("unchanged").isEmpty();

        write("""
                feed: {symbols: [aapl, NVDA]}
                job: {parallelism: 1}
                logging: {level: ["io.jonbu.reload.test=debug"]}
                """);
        List<String> done = reloader.check();

        assertThat(tracked).containsExactly(List.of("NVDA"));
        assertThat(untracked).containsExactly(List.of("MSFT"));
        assertThat(LogManager.getLogger("io.jonbu.reload.test").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(done).contains("feed.symbols: tracking [NVDA], untracking [MSFT]",
                "logging.level is now io.jonbu.reload.test=debug",
                "job.parallelism changed in the file: it takes effect at the next start");
        assertThat(reloader.check()).as("nothing new").isEmpty();
    }

    @Test
    void aFileThatNoLongerValidatesChangesNothingUntilItIsFixed() throws Exception {
        ConfigReloader reloader = reloader(Map.of(), List.of(), "feed: {symbols: [AAPL]}\n");

        write("""
                feed: {symbols: [AAPL, SPY]}
                job: {parallelism: two}
                """);
        assertThat(reloader.check()).anySatisfy(line -> assertThat(line).startsWith("not reloaded: job.parallelism"))
                .anySatisfy(line -> assertThat(line).contains("the settings in force stay"));
        assertThat(tracked).isEmpty();

        write("feed: {symbols: [AAPL, SPY]}\n");
        reloader.check();
        assertThat(tracked).as("against the file in force, not the broken one").containsExactly(List.of("SPY"));
    }

    @Test
    void aSettingTheEnvironmentOrAFlagGivesIsNotTheFilesToChange() throws Exception {
        ConfigReloader reloader = reloader(Map.of("JONBU_LOGGING_LEVEL", "warn"), List.of("--symbols"), """
                feed: {symbols: [AAPL]}
                logging: {level: [info]}
                """);
        write("""
                feed: {symbols: [MSFT]}
                logging: {level: [debug]}
                """);

        assertThat(reloader.check()).contains("feed.symbols changed in the file, but --symbols sets it",
                "logging.level changed in the file, but JONBU_LOGGING_LEVEL sets it");
        assertThat(tracked).isEmpty();
        assertThat(untracked).isEmpty();
    }
}
