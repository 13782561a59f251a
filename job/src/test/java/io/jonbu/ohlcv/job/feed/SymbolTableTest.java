package io.jonbu.ohlcv.job.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.job.sink.PostgresConnection;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class SymbolTableTest {

    @Test
    void theActiveRowsAreTheSymbolsAndTheDirectorySurvivesSerialization() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO symbols (symbol, active) VALUES ('AAPL', true), ('BRK.B', true), ('MSFT', false)");
            }
            SymbolTable table = InstantiationUtil.clone(new SymbolTable(new PostgresConnection(db.jdbcUrl(), null, null)));

            assertThat(table.activeSymbols()).containsExactlyInAnyOrder("AAPL", "BRK.B");
        }
    }

    @Test
    void anUnreachableDatabaseIsAnExceptionForThePollToLog() {
        SymbolTable table = new SymbolTable(new PostgresConnection("jdbc:postgresql://127.0.0.1:1/none", "u", "secret"));

        assertThatThrownBy(table::activeSymbols).isInstanceOf(SQLException.class);
        assertThat(table.toString()).doesNotContain("secret");
    }
}
