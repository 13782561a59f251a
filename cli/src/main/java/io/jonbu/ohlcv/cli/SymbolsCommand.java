package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.serving.candle.CandleHandlers;
import io.jonbu.ohlcv.serving.symbol.SymbolRepository;
import io.jonbu.ohlcv.serving.symbol.TrackedSymbol;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jonbu symbols add|list|remove}: the tracked symbols, as {@code POST/GET/DELETE /api/v1/symbols}
 * change them; a running job that follows the table picks the change up without a restart.
 */
@Command(name = "symbols", header = "Add, list or remove the symbols the job streams.", mixinStandardHelpOptions = true,
        description = {"The symbols the job streams (the symbols table): a running `jonbu run`, or a cluster job",
            "started with --symbols-from-db, picks up a change within its poll interval, without a restart."},
        subcommands = {SymbolsCommand.Add.class, SymbolsCommand.ListSymbols.class, SymbolsCommand.Remove.class})
final class SymbolsCommand {

    /** Upper case, checked as the API checks them. */
    static List<String> valid(List<String> given) {
        Set<String> symbols = new LinkedHashSet<>();
        for (String s : given) {
            if (!CandleHandlers.SYMBOL.matcher(s.trim()).matches()) {
                throw new IllegalArgumentException("SYMBOL: '" + s + "' is not a symbol (a letter then up to 15 letters,"
                        + " digits, '.', '-' or '/')");
            }
            symbols.add(s.trim().toUpperCase(Locale.ROOT));
        }
        return List.copyOf(symbols);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Track symbols (again, if removed before).")
    static final class Add extends OnDatabase {
        @Parameters(paramLabel = "SYMBOL", arity = "1..*", description = "symbols to track")
        List<String> symbols;

        @Override
        int run(DataSource dataSource, PrintWriter out) throws Exception {
            SymbolRepository repository = new SymbolRepository(dataSource);
            List<String> valid = valid(symbols);
            repository.track(valid);
            out.println("tracking " + String.join(", ", valid));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tracked symbols, active and removed.")
    static final class ListSymbols extends OnDatabase {
        @Override
        int run(DataSource dataSource, PrintWriter out) throws Exception {
            SymbolRepository repository = new SymbolRepository(dataSource);
            out.printf("%-16s %-8s %s%n", "SYMBOL", "ACTIVE", "ADDED");
            for (TrackedSymbol s : repository.all()) {
                out.printf("%-16s %-8s %s%n", s.symbol(), s.active() ? "yes" : "no", s.addedAt());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Stop tracking symbols; their candles stay, and `add` tracks them again.")
    static final class Remove extends OnDatabase {
        @Parameters(paramLabel = "SYMBOL", arity = "1..*", description = "symbols to stop tracking")
        List<String> symbols;

        @Override
        int run(DataSource dataSource, PrintWriter out) throws Exception {
            SymbolRepository repository = new SymbolRepository(dataSource);
            List<String> valid = valid(symbols);
            for (String symbol : valid) {
                if (!repository.untrack(symbol)) {
                    throw new IllegalArgumentException("SYMBOL: '" + symbol + "' is not tracked (see `jonbu symbols list`)");
                }
            }
            out.println("removed " + String.join(", ", valid));
            return 0;
        }
    }
}
