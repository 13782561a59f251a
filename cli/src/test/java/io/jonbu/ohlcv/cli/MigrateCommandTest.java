package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code jonbu migrate status|up|down} on a PostgreSQL that no command has touched yet. */
class MigrateCommandTest {
    private final StringWriter err = new StringWriter();

    @Test
    void statusListsThePendingMigrationsUpAppliesThemAndStatusShowsThemApplied() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");

            StringWriter before = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), before, err, "migrate", "status", "--db-url", url)).as(err.toString()).isZero();
            assertThat(before.toString()).containsPattern("1\\s+Pending\\s+-\\s+candles and symbols")
                    .containsPattern("10\\s+Pending").doesNotContain("Success");

            StringWriter up = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), up, err, "migrate", "up", "--db-url", url)).isZero();
            assertThat(up.toString()).containsPattern("applied (\\d+) migration\\(s\\)").doesNotContain("applied 0");

            StringWriter after = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), after, err, "migrate", "status", "--db-url", url)).isZero();
            assertThat(after.toString()).containsPattern("10\\s+Success").doesNotContain("Pending");

            StringWriter again = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), again, err, "migrate", "up", "--db-url", url)).isZero();
            assertThat(again.toString()).contains("applied 0 migration(s)");
        }
    }

    @Test
    void downUndoesTheNewerVersionsWhichUpAppliesAgain() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            assertThat(JonbuInProcess.run(Map.of(), new StringWriter(), err, "migrate", "up", "--db-url", url)).isZero();

            StringWriter down = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), down, err, "migrate", "down", "--to", "8", "--db-url", url)).as(err.toString()).isZero();
            assertThat(down.toString()).containsPattern("undid \\d+ migration\\(s\\): (\\d+, )*10, 9\\b");

            StringWriter status = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), status, err, "migrate", "status", "--db-url", url)).isZero();
            assertThat(status.toString()).containsPattern("8\\s+Success").containsPattern("9\\s+Pending").containsPattern("10\\s+Pending");

            StringWriter up = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), up, err, "migrate", "up", "--db-url", url)).isZero();
            assertThat(up.toString()).doesNotContain("applied 0");

            StringWriter missing = new StringWriter();
            StringWriter usage = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), missing, usage, "migrate", "down", "--db-url", url)).isEqualTo(2);
            assertThat(usage.toString()).contains("--to");
        }
    }
}
