package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradingStatus;
import io.jonbu.ohlcv.source.rest.AlpacaBar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulator's other channels, derived tick by tick from its own tape, as Alpaca derives them from
 * the real one:
 * <ul>
 *   <li>a quote just before each trade, bid below and ask above its price;
 *   <li>the minute bars ({@code b}) of every minute the tape's clock has passed, from the trades the
 *       {@link TradeHistory} holds, built by {@link SimulatedBars} exactly as the REST bars endpoint
 *       builds them; then the running daily bar ({@code d}) of each symbol that had one;
 *   <li>an updated bar ({@code u}) when a late trade, a correction or a cancel changed a minute already
 *       closed (and the daily bar with it); a minute whose trades all went sends nothing, as there is no
 *       bar to send;
 *   <li>with {@link SimulatorConfig#statusEvery()}, a halt and later its resumption ({@code s}) of the
 *       symbol of every such trade, alternating.
 * </ul>
 * Ticks come from the emitter's one thread.
 */
final class ChannelFeed {
    private static final Comparator<Trade> TAPE_ORDER = Comparator.comparing(Trade::symbol)
            .thenComparingLong(Trade::timestamp).thenComparingLong(Trade::id);
    /** How long a sent minute bar is remembered for updates; far more than any late trade or amendment takes. */
    private static final long REMEMBERED_NANOS = 60 * Timeframe.M1.nominalNanos();

    private record BarKey(String symbol, long start) {}

    private final TradeHistory history;
    private final long statusEvery;
    /** Minutes ending at or before this were sent; Long.MIN_VALUE before the first trade. */
    private long closedUpTo = Long.MIN_VALUE;
    private final Map<BarKey, ProviderBar> sent = new HashMap<>();
    private final Set<String> halted = new HashSet<>();

    ChannelFeed(SimulatorConfig config, TradeHistory history) {
        this.history = history;
        this.statusEvery = config.statusEvery();
    }

    /**
     * The messages of one tick, after its trades and amendments went into the history.
     *
     * @param firstIndex the index of the batch's first trade in the emission
     * @param now        the tape's clock: the nominal time of the batch's last trade, which no later trade precedes
     * @param quotes     whether to make quotes (some client subscribed to them)
     * @param bars       whether to make bars (some client subscribed to minute, updated or daily bars); while
     *                   none does, no bar is tracked, and the next subscriber's bars start at the minute then
     */
    List<FeedEvent> tick(long firstIndex, List<Trade> batch, List<FeedEvent> amendments, long now, boolean quotes,
            boolean bars) {
        List<FeedEvent> out = new ArrayList<>();
        if (quotes) {
            batch.forEach(trade -> out.add(FeedEvent.of(quoteBefore(trade))));
        }
        if (bars) {
            bars(batch, amendments, now, out);
        } else {
            closedUpTo = Long.MIN_VALUE;
            sent.clear();
        }
        if (statusEvery > 0) {
            for (int i = 0; i < batch.size(); i++) {
                if ((firstIndex + i + 1) % statusEvery == 0) {
                    out.add(FeedEvent.of(toggle(batch.get(i))));
                }
            }
        }
        return out;
    }

    private void bars(List<Trade> batch, List<FeedEvent> amendments, long now, List<FeedEvent> out) {
        if (closedUpTo == Long.MIN_VALUE) {
            closedUpTo = Timeframe.M1.start(batch.get(0).timestamp());
        }
        TreeSet<Long> changed = new TreeSet<>();
        batch.stream().filter(t -> t.timestamp() < closedUpTo).forEach(t -> changed.add(Timeframe.M1.start(t.timestamp())));
        amendments.stream().filter(e -> e.eventTime() < closedUpTo).forEach(e -> changed.add(Timeframe.M1.start(e.eventTime())));
        Set<String> dailyChanged = new TreeSet<>();
        if (!changed.isEmpty()) {
            for (ProviderBar bar : minuteBars(changed.first(), closedUpTo)) {
                BarKey key = new BarKey(bar.symbol(), bar.start());
                ProviderBar before = sent.get(key);
                if (changed.contains(bar.start()) && !bar.equals(before)) {
                    sent.put(key, bar);
                    out.add(FeedEvent.of(bar.as(ProviderBar.Kind.UPDATED_BAR)));
                    dailyChanged.add(bar.symbol());
                }
            }
        }
        long closing = Timeframe.M1.start(now);
        if (closing > closedUpTo) {
            for (ProviderBar bar : minuteBars(closedUpTo, closing)) {
                sent.put(new BarKey(bar.symbol(), bar.start()), bar);
                out.add(FeedEvent.of(bar));
                dailyChanged.add(bar.symbol());
            }
            closedUpTo = closing;
            sent.keySet().removeIf(key -> key.start() < closing - REMEMBERED_NANOS);
        }
        if (!dailyChanged.isEmpty()) {
            out.addAll(dailyBars(dailyChanged, now));
        }
    }

    /** The minute bars of every symbol starting within [from, to), as the history now holds them. */
    private List<ProviderBar> minuteBars(long from, long to) {
        List<Trade> trades = history.select(from, to - 1);
        trades.sort(TAPE_ORDER);
        return SimulatedBars.of(trades, Timeframe.M1).stream().map(bar -> of(ProviderBar.Kind.BAR, bar)).toList();
    }

    /** The running daily bar of each symbol, up to {@code now}. */
    private List<FeedEvent> dailyBars(Set<String> symbols, long now) {
        long dayStart = Timeframe.D1.start(now);
        List<Trade> trades = history.select(symbols, dayStart, now);
        trades.sort(TAPE_ORDER);
        return SimulatedBars.of(trades, Timeframe.D1).stream()
                .filter(bar -> bar.start() == dayStart)
                .map(bar -> FeedEvent.of(of(ProviderBar.Kind.DAILY_BAR, bar))).toList();
    }

    private static ProviderBar of(ProviderBar.Kind kind, AlpacaBar bar) {
        return new ProviderBar(kind, bar.symbol(), bar.start(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                bar.tradeCount(), bar.vwap());
    }

    /** A cent or two either side of the trade's price (the generator prices in whole cents), in round lots. */
    private static Quote quoteBefore(Trade trade) {
        long cents = Math.round(trade.price() * 100);
        long id = Math.abs(trade.id());
        return new Quote(trade.symbol(), trade.timestamp() - 1, trade.exchange(), (cents - 1 - id % 2) / 100.0,
                100 * (1 + id % 5), trade.exchange(), (cents + 1 + id % 3) / 100.0, 100 * (1 + id % 7),
                new String[] {"R"}, trade.tape());
    }

    /** Halts the trade's symbol if it trades, resumes it if halted; codes of the UTP plan, as Alpaca relays them. */
    private TradingStatus toggle(Trade trade) {
        String symbol = trade.symbol();
        if (halted.add(symbol)) {
            return new TradingStatus(symbol, trade.timestamp(), "H", "Trading Halt", "T12",
                    "Trading Halted; For information requested by NASDAQ", trade.tape());
        }
        halted.remove(symbol);
        return new TradingStatus(symbol, trade.timestamp(), "T", "Trading Resumption", "", "", trade.tape());
    }
}
