package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code jonbu symbols add|list|remove} on a real PostgreSQL, and {@code jonbu completion bash}. */
class SymbolsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void addListRemoveChangeTheTrackedSymbols() {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            String url = db.jdbcUrl();
            assertThat(JonbuInProcess.run(Map.of(), out, err, "symbols", "add", "aapl", "BRK.B", "--db-url", url)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("tracking AAPL, BRK.B");
            assertThat(JonbuInProcess.run(Map.of(), out, err, "symbols", "remove", "AAPL", "--db-url", url)).isZero();

            StringWriter list = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), list, err, "symbols", "list", "--db-url", url)).isZero();
            assertThat(list.toString()).containsPattern("AAPL\\s+no").containsPattern("BRK\\.B\\s+yes");

            assertThat(JonbuInProcess.run(Map.of(), out, err, "symbols", "remove", "MSFT", "--db-url", url)).isEqualTo(2);
            assertThat(err.toString()).contains("'MSFT' is not tracked");
            assertThat(JonbuInProcess.run(Map.of(), out, err, "symbols", "add", "1BAD", "--db-url", url)).isEqualTo(2);
            assertThat(err.toString()).contains("'1BAD' is not a symbol");
        }
    }

    @Test
    void completionCoversEveryCommandAndItsOptions() {
        assertThat(JonbuInProcess.run(Map.of(), out, err, "completion", "bash")).isZero();
        assertThat(out.toString()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_jonbu")
                .contains("symbols").contains("keys").contains("export").contains("--kafka-bootstrap").contains("--rate-per-minute");
        assertThat(JonbuInProcess.run(Map.of(), out, err, "completion", "fish")).isEqualTo(2);
    }
}
