package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.cli.local.LocalDatabase;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A short command on the local stack's PostgreSQL (or {@code --db-url}): the one of a running
 * {@code jonbu run} when there is one, else the embedded server started for the command. An
 * {@link IllegalArgumentException} from the work is a usage error (exit 2).
 */
abstract class OnDatabase implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        try (LocalDatabase db = LocalDatabase.open(database.external(), database.dataDir, database.dbPort)) {
            return run(db.dataSource(), spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    abstract int run(DataSource dataSource, PrintWriter out) throws Exception;
}
