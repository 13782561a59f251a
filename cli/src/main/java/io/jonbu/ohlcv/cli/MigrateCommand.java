package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.local.LocalDatabase;
import io.jonbu.ohlcv.sql.Migrations;
import java.io.PrintWriter;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jonbu migrate up|down|status}: the schema of an external PostgreSQL ({@code --db-url}), which
 * the other commands migrate on their own as they start. The embedded server is migrated whenever it
 * starts, so there {@code status} shows everything applied and a {@code down} lasts until the next
 * start. {@code down} drops what the newer versions added, their rows with it: it is for going back
 * to an older build, not for undoing a mistake in the data.
 */
@Command(name = "migrate", header = "Show, apply or undo the database schema's migrations.", mixinStandardHelpOptions = true,
        description = {"The database schema (Flyway, the sql module's migrations): status lists each migration and its",
            "state; up applies the pending ones; down --to VERSION undoes the newer ones (dropping their data)."},
        subcommands = {MigrateCommand.Status.class, MigrateCommand.Up.class, MigrateCommand.Down.class})
final class MigrateCommand {

    /**
     * Where the schema is: {@code --db-url} as it is, not migrated as the other commands' databases
     * are (that is this command's work), else the embedded server (migrated as it starts).
     */
    abstract static class OnSchema extends OnDatabase {
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

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = {"Undo the applied migrations newer than --to, newest first, each in its own transaction.",
                "What they added is dropped with its rows: take a backup first. Use it to go back to an older build."})
    static final class Down extends OnSchema {
        @Option(names = "--to", required = true, paramLabel = "VERSION",
                description = "the version to go back to (`migrate status` lists them); 0 undoes every one")
        String target;

        @Override
        int run(DataSource dataSource, PrintWriter out) throws Exception {
            List<String> undone = Migrations.undo(dataSource, target);
            out.println(undone.isEmpty() ? "nothing newer than version " + target + " is applied"
                    : "undid " + undone.size() + " migration(s): " + String.join(", ", undone));
            return 0;
        }
    }
}
