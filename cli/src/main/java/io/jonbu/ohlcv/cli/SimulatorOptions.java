package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.SimulatorFault;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The simulator's knobs, shared by {@code jonbu simulate} and {@code jonbu run}. */
final class SimulatorOptions {
    @Option(names = "--symbols", split = ",", paramLabel = "SYM", defaultValue = "AAPL,MSFT,NVDA,AMZN,GOOGL,TSLA,SPY",
            description = "symbols to stream (default: ${DEFAULT-VALUE})")
    List<String> symbols;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "200", description = "trades per second, all symbols (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed; same seed, same trades (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out-of-order", paramLabel = "SHARE", defaultValue = "0.02",
            description = "share of trades stamped earlier than their place in the stream (default: ${DEFAULT-VALUE})")
    double outOfOrderShare;

    @Option(names = "--max-delay-ms", paramLabel = "MS", defaultValue = "1000",
            description = "how much earlier, at most, an out-of-order trade is stamped (default: ${DEFAULT-VALUE})")
    long maxDelayMillis;

    @Option(names = "--virtual-start", paramLabel = "TIME",
            description = "stamp trades on a virtual clock from this RFC 3339 time instead of the wall clock")
    String virtualStart;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "virtual seconds per wall second, with --virtual-start (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "stop after N trades; 0 = never (default: ${DEFAULT-VALUE})")
    long limit;

    @Option(names = "--history-size", paramLabel = "N", defaultValue = "100000",
            description = "emitted trades the simulator's historical REST endpoints keep (default: ${DEFAULT-VALUE})")
    int historySize;

    @Option(names = "--rest-rate-limit", paramLabel = "N", defaultValue = "200",
            description = "REST requests a minute before 429, as Alpaca's free plan (default: ${DEFAULT-VALUE})")
    int restRateLimit;

    @Option(names = "--corrections", paramLabel = "SHARE", defaultValue = "0",
            description = "share of trades corrected (T:c) a little after they were sent (default: ${DEFAULT-VALUE})")
    double correctionShare;

    @Option(names = "--cancels", paramLabel = "SHARE", defaultValue = "0",
            description = "share of trades cancelled or withdrawn as errors (T:x) a little after they were sent (default: ${DEFAULT-VALUE})")
    double cancelShare;

    @Option(names = "--status-every", paramLabel = "N", defaultValue = "0",
            description = "every N trades, halt that trade's symbol, or resume it if halted (T:s, to clients subscribed to "
                    + "statuses); 0 = never (default: ${DEFAULT-VALUE})")
    long statusEvery;

    @Option(names = "--fault", paramLabel = "SPEC", converter = FaultConverter.class,
            description = {"misbehave on every stream connection, as Alpaca and networks do (repeatable): "
                    + FaultConverter.KINDS + "; durations such as 500ms, 10s, 1m"})
    List<SimulatorFault> faults;

    /** The symbols as the feed names them: trimmed, upper case. */
    List<String> symbols() {
        return symbols.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    SimulatorConfig.Builder toBuilder(int port) {
        SimulatorConfig.Builder b = SimulatorConfig.builder()
                .port(port)
                .symbols(symbols())
                .rate(rate)
                .seed(seed)
                .outOfOrder(outOfOrderShare, maxDelayMillis)
                .limit(limit)
                .historySize(historySize)
                .restRateLimit(restRateLimit, Duration.ofMinutes(1))
                .corrections(correctionShare)
                .cancels(cancelShare)
                .statusEvery(statusEvery)
                .faults(faults == null ? List.of() : faults);
        if (virtualStart != null) {
            try {
                b.virtualTime(EpochNanos.parse(virtualStart), speed);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--virtual-start: '" + virtualStart + "' is not an RFC 3339 time such as 2024-03-08T14:30:00Z", e);
            }
        } else if (speed != 1) {
            throw new IllegalArgumentException("--speed needs --virtual-start");
        }
        return b;
    }
}
