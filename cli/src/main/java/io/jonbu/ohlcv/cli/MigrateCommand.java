package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.cli.local.LocalDatabase;
import io.jonbu.ohlcv.sql.Migrations;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jonbu migrate up|status}: the schema of an external PostgreSQL ({@code --db-url}), which the
 * other commands migrate on their own as they start. The embedded server is migrated whenever it starts,
 * so there {@code status} shows everything applied. There is no {@code down}: Flyway's community edition
 * has no undo, and a schema is rolled back by restoring a backup taken before {@code up}.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"The database schema (Flyway, the sql module's migrations): status lists each migration and its",
            "state; up applies the pending ones. Rolling back is restoring a backup: Flyway's free edition has no undo."},
        subcommands = {MigrateCommand.Status.class, MigrateCommand.Up.class})
final class MigrateCommand {

    /** Where the schema is: {@code --db-url} as it is, else the embedded server (migrated as it starts). */
    abstract static class OnSchema implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            var external = database.external();
            if (external != null) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(external.url());
                if (external.user() != null) {
                    ds.setUser(external.user());
                }
                if (external.password() != null) {
                    ds.setPassword(external.password());
                }
                return run(ds, out);
            }
            try (LocalDatabase db = LocalDatabase.open(null, database.dataDir, database.dbPort)) {
                return run(db.dataSource(), out);
            }
        }

        abstract int run(DataSource dataSource, PrintWriter out);
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "List every migration and its state; change nothing.")
    static final class Status extends OnSchema {
        @Override
        int run(DataSource dataSource, PrintWriter out) {
            out.printf("%-8s %-10s %-26s %s%n", "VERSION", "STATE", "INSTALLED", "DESCRIPTION");
            for (Migrations.Migration m : Migrations.status(dataSource)) {
                out.printf("%-8s %-10s %-26s %s%n", m.version(), m.state(), m.installedOn() == null ? "-" : m.installedOn(), m.description());
            }
            return 0;
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Apply the pending migrations.")
    static final class Up extends OnSchema {
        @Override
        int run(DataSource dataSource, PrintWriter out) {
            out.println("applied " + Migrations.migrate(dataSource) + " migration(s)");
            return 0;
        }
    }
}
