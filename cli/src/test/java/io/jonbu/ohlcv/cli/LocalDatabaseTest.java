package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.cli.local.LocalDatabase;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second local command on the data directory of a running stack shares its server rather than fail to start another. */
class LocalDatabaseTest {
    @TempDir
    Path data;

    @Test
    void aCommandOnTheDataDirectoryOfARunningServerUsesThatServer() throws Exception {
        try (EmbeddedDatabase running = EmbeddedDatabase.startPersistent(data.resolve("postgres"), 0);
             LocalDatabase shared = LocalDatabase.open(null, data, 0)) {
            try (Connection c = running.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO symbols (symbol) VALUES ('SHARED')");
            }
            assertThat(shared.connection().url()).contains(":" + running.port() + "/");
            try (Connection c = shared.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM symbols WHERE symbol = 'SHARED'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
