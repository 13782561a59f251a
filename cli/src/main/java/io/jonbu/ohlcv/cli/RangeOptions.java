package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.model.EpochNanos;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Symbols and a time range, shared by the commands that move history ({@code fetch}, {@code export}). */
final class RangeOptions {
    @Parameters(arity = "1..*", paramLabel = "SYMBOL", description = "symbols")
    List<String> symbols;

    @Option(names = "--start", required = true, paramLabel = "TIME", converter = TimeConverter.class,
            description = "first candle start, RFC 3339 or a date (midnight UTC)")
    Long start;

    @Option(names = "--end", paramLabel = "TIME", converter = TimeConverter.class,
            description = "candles starting before this, RFC 3339 or a date (default: now)")
    Long end;

    /** The symbols as stored: trimmed, upper case, each once. */
    List<String> tickers() {
        return symbols.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** Epoch nanoseconds of the end, now when none was given. */
    long endOrNow() {
        return end != null ? end : EpochNanos.of(Instant.now());
    }
}
