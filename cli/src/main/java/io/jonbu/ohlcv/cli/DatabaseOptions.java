package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.Secret;
import io.jonbu.ohlcv.cli.config.Settings;
import io.jonbu.ohlcv.cli.config.UsesSettings;
import io.jonbu.ohlcv.cli.local.LocalStackConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which PostgreSQL a command uses: the embedded one under {@code --data-dir}, or {@code --db-url}. */
final class DatabaseOptions implements UsesSettings {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "where the embedded PostgreSQL keeps its data (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--db-port", paramLabel = "PORT", defaultValue = "54329", description = "embedded PostgreSQL port (default: ${DEFAULT-VALUE})")
    int dbPort;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", 
            description = "use this PostgreSQL instead of the embedded one (env JONBU_DB_URL; password from JONBU_DB_PASSWORD or database.password in the config file)")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "user for --db-url (env JONBU_DB_USER)")
    String dbUser;

    private Settings settings;

    @Override
    public void use(Settings settings) {
        this.settings = settings;
    }

    /** The external server named, or null for the embedded one. */
    LocalStackConfig.ExternalDatabase external() {
        return dbUrl == null || dbUrl.isBlank()
                ? null
                : new LocalStackConfig.ExternalDatabase(dbUrl, dbUser, settings.secret(Secret.DATABASE_PASSWORD).orElse(null));
    }
}
