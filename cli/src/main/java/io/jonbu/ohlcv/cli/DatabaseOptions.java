package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.local.LocalStackConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which PostgreSQL a command uses: the embedded one under {@code --data-dir}, or {@code --db-url}. */
final class DatabaseOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "where the embedded PostgreSQL keeps its data (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--db-port", paramLabel = "PORT", defaultValue = "54329", description = "embedded PostgreSQL port (default: ${DEFAULT-VALUE})")
    int dbPort;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:JONBU_DB_URL}",
            description = "use this PostgreSQL instead of the embedded one (env JONBU_DB_URL; password from JONBU_DB_PASSWORD)")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:JONBU_DB_USER}", description = "user for --db-url (env JONBU_DB_USER)")
    String dbUser;

    /** The external server named, or null for the embedded one. */
    LocalStackConfig.ExternalDatabase external() {
        return dbUrl == null || dbUrl.isBlank()
                ? null
                : new LocalStackConfig.ExternalDatabase(dbUrl, dbUser, System.getenv("JONBU_DB_PASSWORD"));
    }
}
