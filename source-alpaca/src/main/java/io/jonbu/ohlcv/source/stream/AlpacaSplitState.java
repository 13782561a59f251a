package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.stream.SymbolPosition.SeenTrade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A split while its reader reads it: per symbol, the newest event time emitted and the trades emitted
 * within the dedup horizon below it, updated as trades pass the emitter and snapshotted into an
 * {@link AlpacaStreamSplit} at each checkpoint. Trades older than the horizon are forgotten, so the
 * state stays as small as the horizon times the trade rate.
 *
 * <p>Touched by the task thread only, except {@link #resumeFrom()} and {@link #symbols()}, which the
 * connection reads from its own thread when it decides where a backfill starts and what to subscribe.
 */
final class AlpacaSplitState {
    /** {@link #resumeFrom()} of a split that has emitted nothing: there is nothing to backfill. */
    static final long NOTHING_EMITTED = Long.MIN_VALUE;

    private final String id;
    /** Changed by the enumerator's {@link SplitSymbols}; volatile for the connection's thread. */
    private volatile List<String> symbols;
    private final long horizonNanos;
    private final Map<String, SymbolState> bySymbol = new HashMap<>();
    /**
     * Between a backfill's first trades and the end of the live frames held while it ran: the held
     * frames repeat the backfill's newest trades, however long it took, so nothing is forgotten then.
     */
    private boolean seamOpen;
    /** The newest event time over all symbols; volatile for the connection's thread. */
    private volatile long latestEventTime = NOTHING_EMITTED;

    AlpacaSplitState(AlpacaStreamSplit split, long horizonNanos) {
        this.id = split.id();
        this.symbols = split.symbols();
        this.horizonNanos = horizonNanos;
        long latest = NOTHING_EMITTED;
        for (Map.Entry<String, SymbolPosition> entry : split.positions().entrySet()) {
            SymbolState symbol = new SymbolState(entry.getValue());
            bySymbol.put(entry.getKey(), symbol);
            latest = Math.max(latest, symbol.latest);
        }
        this.latestEventTime = latest;
    }

    String id() {
        return id;
    }

    List<String> symbols() {
        return symbols;
    }

    /**
     * Streams {@code next} from now on; returns whether that changed anything. A removed symbol's
     * position goes: added again later, it is a new symbol and starts live.
     */
    boolean symbols(List<String> next) {
        if (next.equals(symbols)) {
            return false;
        }
        symbols = List.copyOf(next);
        bySymbol.keySet().retainAll(symbols);
        return true;
    }

    /**
     * Whether a live trade is new. The live stream itself does not repeat trades; it does repeat the
     * ones a backfill already emitted while it ran, so its trades are checked against the ids seen.
     * Outside a seam, a live trade older than the horizon passes: it cannot be checked, and on Alpaca
     * such late prints (out-of-sequence reports) are real trades, not repeats.
     */
    boolean admitLive(Trade trade) {
        SymbolState symbol = bySymbol.computeIfAbsent(trade.symbol(), s -> new SymbolState());
        return symbol.admit(trade, false);
    }

    /**
     * Whether a backfilled trade is new: not seen, and not older than the horizon below the symbol's
     * newest, where the reader forgot what it emitted (it emitted all of those before the gap).
     */
    boolean admitBackfilled(Trade trade) {
        SymbolState symbol = bySymbol.computeIfAbsent(trade.symbol(), s -> new SymbolState());
        return symbol.admit(trade, true);
    }

    /** A backfill has started handing over trades: keep every id seen until {@link #closeSeam()}. */
    void openSeam() {
        seamOpen = true;
    }

    /** The live frames held during the backfill have passed: forget what is beyond the horizon again. */
    void closeSeam() {
        seamOpen = false;
        bySymbol.values().forEach(SymbolState::forgetBeyondHorizon);
    }

    /**
     * Where a backfill after a gap in the stream starts: the horizon below the newest event time
     * emitted in any symbol, since a trade stamped earlier was due before the gap began (the stream
     * is out of order by less than the horizon). Quiet symbols need no start of their own for the
     * same reason. {@link #NOTHING_EMITTED} when the split has not emitted a trade.
     */
    long resumeFrom() {
        long latest = latestEventTime;
        return latest == NOTHING_EMITTED ? NOTHING_EMITTED : latest - horizonNanos;
    }

    /** The immutable snapshot a checkpoint stores. */
    AlpacaStreamSplit toSplit() {
        Map<String, SymbolPosition> positions = new HashMap<>(bySymbol.size() * 2);
        bySymbol.forEach((symbol, state) -> {
            if (state.latest != NOTHING_EMITTED) {
                positions.put(symbol, state.position());
            }
        });
        return new AlpacaStreamSplit(id, symbols, positions);
    }

    private record Key(String exchange, long id) {}

    /** One symbol: the newest event time and the trades seen within the horizon, oldest inserted first. */
    private final class SymbolState {
        private final LinkedHashMap<Key, Long> seen = new LinkedHashMap<>();
        private long latest = NOTHING_EMITTED;

        SymbolState() {}

        SymbolState(SymbolPosition position) {
            latest = position.latestEventTime();
            for (SeenTrade trade : position.recent()) {
                seen.put(new Key(trade.exchange(), trade.id()), trade.eventTime());
            }
        }

        boolean admit(Trade trade, boolean backfilled) {
            long time = trade.timestamp();
            boolean beyondHorizon = latest != NOTHING_EMITTED && time < latest - horizonNanos;
            if (beyondHorizon && (backfilled || !seamOpen)) {
                return !backfilled;
            }
            Key key = new Key(Objects.requireNonNullElse(trade.exchange(), ""), trade.id());
            if (seen.putIfAbsent(key, time) != null) {
                return false;
            }
            if (time > latest) {
                latest = time;
                latestEventTime = Math.max(latestEventTime, time);
                if (!seamOpen) {
                    forgetBeyondHorizon();
                }
            }
            return true;
        }

        /**
         * Drops the oldest-inserted trades once they fall out of the horizon. An out-of-order trade
         * inserted behind a newer one waits for it, so a few trades outlive the horizon by up to the
         * stream's disorder; they only make the state slightly larger.
         */
        private void forgetBeyondHorizon() {
            long cutoff = latest - horizonNanos;
            Iterator<Long> times = seen.values().iterator();
            while (times.hasNext() && times.next() < cutoff) {
                times.remove();
            }
        }

        SymbolPosition position() {
            List<SeenTrade> recent = new ArrayList<>(seen.size());
            seen.forEach((key, time) -> recent.add(new SeenTrade(key.exchange(), key.id(), time)));
            return new SymbolPosition(latest, recent);
        }
    }
}
