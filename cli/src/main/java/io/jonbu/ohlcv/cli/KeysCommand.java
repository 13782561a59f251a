package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.serving.auth.ApiKey;
import io.jonbu.ohlcv.serving.auth.ApiKeys;
import io.jonbu.ohlcv.serving.auth.IssuedKey;
import java.io.PrintWriter;
import java.util.List;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jonbu keys create|list|revoke}: the API keys a server started with {@code --auth api-key} accepts. */
@Command(name = "keys", header = "Create, list, limit or revoke API keys.", mixinStandardHelpOptions = true,
        description = {"API keys for the REST API and the WebSocket stream (servers started with --auth api-key).",
            "Only a SHA-256 of each key is stored: a key is shown once, when it is created."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Limit.class, KeysCommand.Revoke.class})
final class KeysCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print it, once.")
    static final class Create extends OnDatabase {
        @Parameters(paramLabel = "NAME", description = "who or what the key is for")
        String name;

        @Option(names = "--rate-per-minute", paramLabel = "N", defaultValue = "600",
                description = "requests a minute the key's token bucket refills (default: ${DEFAULT-VALUE})")
        int ratePerMinute;

        @Option(names = "--burst", paramLabel = "N", defaultValue = "60",
                description = "the bucket's size: requests the key may make at once (default: ${DEFAULT-VALUE})")
        int burst;

        @Override
        int run(DataSource dataSource, PrintWriter out) throws Exception {
            ApiKeys keys = new ApiKeys(dataSource);
            IssuedKey issued = keys.create(name, ratePerMinute, burst);
            out.println(issued.text());
            spec.commandLine().getErr().printf("keys: created %s (%s, %d requests a minute, bursts of %d); the key above is"
                    + " not stored and will not be shown again%n", issued.key().id(), issued.key().name(), ratePerMinute, burst);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys (ids and names, never the keys).")
    static final class ListKeys extends OnDatabase {
        @Override
        int run(DataSource dataSource, PrintWriter out) throws Exception {
            ApiKeys keys = new ApiKeys(dataSource);
            List<ApiKey> all = keys.all();
            out.printf("%-14s %-24s %10s %7s  %-24s %s%n", "ID", "NAME", "PER MINUTE", "BURST", "CREATED", "REVOKED");
            for (ApiKey k : all) {
                out.printf("%-14s %-24s %10d %7d  %-24s %s%n", k.id(), k.name(), k.ratePerMinute(), k.burst(), k.createdAt(),
                        k.revoked() ? k.revokedAt().toString() : "-");
            }
            return 0;
        }
    }

    @Command(name = "limit", mixinStandardHelpOptions = true,
            description = "Change a key's rate limit; running servers apply it within 5 seconds, without a restart.")
    static final class Limit extends OnDatabase {
        @Parameters(paramLabel = "ID", description = "the key's id, as `keys list` shows it")
        String id;

        @Option(names = "--rate-per-minute", paramLabel = "N", required = true,
                description = "requests a minute the key's token bucket refills")
        int ratePerMinute;

        @Option(names = "--burst", paramLabel = "N", required = true, description = "the bucket's size: requests the key may make at once")
        int burst;

        @Override
        int run(DataSource dataSource, PrintWriter out) throws Exception {
            if (!new ApiKeys(dataSource).limit(id, ratePerMinute, burst)) {
                throw new IllegalArgumentException("ID: no valid key has the id '" + id + "' (see `jonbu keys list`)");
            }
            out.printf("limited %s to %d requests a minute, bursts of %d%n", id, ratePerMinute, burst);
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key by its id; servers refuse it within 5 seconds.")
    static final class Revoke extends OnDatabase {
        @Parameters(paramLabel = "ID", description = "the key's id, as `keys list` shows it")
        String id;

        @Override
        int run(DataSource dataSource, PrintWriter out) throws Exception {
            ApiKeys keys = new ApiKeys(dataSource);
            if (!keys.revoke(id)) {
                throw new IllegalArgumentException("ID: no valid key has the id '" + id + "' (see `jonbu keys list`)");
            }
            out.println("revoked " + id);
            return 0;
        }
    }
}
