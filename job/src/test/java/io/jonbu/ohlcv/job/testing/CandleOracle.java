package io.jonbu.ohlcv.job.testing;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DailySession;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.tape.SaleConditions;
import io.jonbu.ohlcv.model.tape.TradeEligibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Candles computed the slow, obvious way, independently of the job: group all trades by interval,
 * filter each field's trades by the sale-condition table, sort by (time, id), read off open, high,
 * low, close and sums. A group with no trade that may set the last price makes no candle.
 * Corrections and cancels are applied to the tape first ({@link #tape}), so the candles are those
 * of the trades as they finally stand.
 */
public final class CandleOracle {
    private CandleOracle() {}

    /**
     * The trades of a feed as they stand after its corrections and cancels, in feed order: a
     * correction replaces the print it names (symbol, exchange, id), a cancel or error removes it, one
     * naming no print changes nothing.
     */
    public static List<Trade> tape(List<FeedEvent> feed) {
        Map<String, Trade> prints = new LinkedHashMap<>();
        for (FeedEvent e : feed) {
            if (e.isTrade()) {
                prints.put(printKey(e.trade()), e.trade());
            } else if (e.correction() != null) {
                if (prints.remove(printKey(e.correction().original())) != null) {
                    prints.put(printKey(e.correction().corrected()), e.correction().corrected());
                }
            } else if (e.cancel() != null) {
                TradeCancel x = e.cancel();
                prints.remove(x.symbol() + "|" + x.exchange() + "|" + x.id());
            }
        }
        return new ArrayList<>(prints.values());
    }

    private static String printKey(Trade t) {
        return t.symbol() + "|" + t.exchange() + "|" + t.id();
    }

    public static List<Candle> candles(Collection<Trade> trades, List<Timeframe> timeframes) {
        return candles(trades, timeframes, DailySession.FULL_DAY);
    }

    /** With {@link DailySession#REGULAR}, daily candles are built from the regular session's trades only. */
    public static List<Candle> candles(Collection<Trade> trades, List<Timeframe> timeframes, DailySession daily) {
        List<Candle> result = new ArrayList<>();
        for (Timeframe tf : timeframes) {
            Map<String, List<Trade>> groups = new TreeMap<>();
            for (Trade t : trades) {
                if (tf == Timeframe.D1 && daily == DailySession.REGULAR && MarketSession.of(t.timestamp()) != MarketSession.REGULAR) {
                    continue;
                }
                groups.computeIfAbsent(t.symbol() + "|" + tf.start(t.timestamp()), k -> new ArrayList<>()).add(t);
            }
            for (List<Trade> group : groups.values()) {
                group.sort(Comparator.comparingLong(Trade::timestamp).thenComparingLong(Trade::id));
                List<Trade> last = only(group, tf, TradeEligibility::updatesLast);
                if (last.isEmpty()) {
                    continue;
                }
                List<Trade> range = only(group, tf, e -> e.updatesHighLow() || e.updatesLast());
                List<Trade> counted = only(group, tf, TradeEligibility::updatesVolume);
                long start = tf.start(group.get(0).timestamp());
                long volume = counted.stream().mapToLong(Trade::size).sum();
                double notional = counted.stream().mapToDouble(t -> t.price() * t.size()).sum();
                double close = last.get(last.size() - 1).price();
                result.add(new Candle(group.get(0).symbol(), tf, start, tf.end(start), last.get(0).price(),
                        range.stream().mapToDouble(Trade::price).max().orElseThrow(),
                        range.stream().mapToDouble(Trade::price).min().orElseThrow(),
                        close, volume, counted.size(), volume > 0 ? notional / volume : close, true, 0,
                        MarketSession.ofCandle(tf, start, daily)));
            }
        }
        return result;
    }

    /** Daily candles and regular hours follow the plans; intraday candles outside them take Form T prices too. */
    private static List<Trade> only(List<Trade> trades, Timeframe tf, Predicate<TradeEligibility> field) {
        return trades.stream().filter(t -> field.test(tf != Timeframe.D1 && MarketSession.of(t.timestamp()) != MarketSession.REGULAR
                ? SaleConditions.ofExtendedHoursIntraday(t.tape(), t.conditions())
                : SaleConditions.of(t.tape(), t.conditions()))).toList();
    }

    /** Asserts two candles equal, allowing for the order in which floating-point sums were taken. */
    public static boolean sameCandle(Candle a, Candle b) {
        return a.symbol().equals(b.symbol()) && a.timeframe() == b.timeframe() && a.start() == b.start() && a.end() == b.end()
                && a.open() == b.open() && a.high() == b.high() && a.low() == b.low() && a.close() == b.close()
                && a.volume() == b.volume() && a.tradeCount() == b.tradeCount()
                && a.session() == b.session() && Math.abs(a.vwap() - b.vwap()) <= 1e-9 * Math.abs(b.vwap());
    }
}
