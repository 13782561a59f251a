package io.jonbu.ohlcv.job.candle;

import io.jonbu.ohlcv.model.Timeframe;
import java.util.Arrays;

/**
 * Everything {@link CandleAggregator} keeps for one symbol, as one keyed value: per timeframe the
 * candles still in state (forming, or closed and waiting out lateness and the correction horizon),
 * each with its frozen part; and per minute the prints still retained for corrections. One value
 * rather than a map entry per candle and minute: a trade costs one state lookup instead of a dozen
 * (each a hash of the key into the heap backend's table, then one into the map), and each
 * timeframe's few candles are found by a scan from the newest, which a trade nearly always hits.
 * Its serializer is {@link SymbolCandlesSerializer}.
 */
final class SymbolCandles {
    static final int TIMEFRAMES = Timeframe.values().length;

    /** Per timeframe ordinal: its candles in the order they were made, so the newest are scanned first. */
    final Slots[] candles = new Slots[TIMEFRAMES];
    /** Per minute start: the minute's retained prints, in the order the minutes came. */
    int minuteCount;
    long[] minutes = new long[8];
    RetainedPrints[] prints = new RetainedPrints[8];
    /** No later than the earliest instant (ms) at which a retained minute expires or a closed candle may go; Long.MAX_VALUE if nothing is due. */
    long nextDue = Long.MAX_VALUE;
    /** The instant (ms) of the latest pending cleanup timer, at or after every due instant; Long.MIN_VALUE if none is pending. */
    long cleanupAt = Long.MIN_VALUE;

    SymbolCandles() {
        for (int i = 0; i < TIMEFRAMES; i++) {
            candles[i] = new Slots();
        }
    }

    /** One timeframe's candles: by start, the candle built so far (null if none) and its frozen part (null if none). */
    static final class Slots {
        int size;
        long[] starts = new long[4];
        CandleBuilder[] open = new CandleBuilder[4];
        CandleBuilder[] frozen = new CandleBuilder[4];

        int indexOf(long start) {
            for (int i = size - 1; i >= 0; i--) {
                if (starts[i] == start) {
                    return i;
                }
            }
            return -1;
        }

        int indexOrAdd(long start) {
            int i = indexOf(start);
            if (i >= 0) {
                return i;
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                open = Arrays.copyOf(open, size * 2);
                frozen = Arrays.copyOf(frozen, size * 2);
            }
            starts[size] = start;
            return size++;
        }

        /** Drops slot {@code i} once it holds neither a candle nor a frozen part, keeping the others in order. */
        void dropIfEmpty(int i) {
            if (open[i] != null || frozen[i] != null) {
                return;
            }
            int after = size - i - 1;
            System.arraycopy(starts, i + 1, starts, i, after);
            System.arraycopy(open, i + 1, open, i, after);
            System.arraycopy(frozen, i + 1, frozen, i, after);
            size--;
            open[size] = null;
            frozen[size] = null;
        }
    }

    CandleBuilder open(Timeframe tf, long start) {
        Slots s = candles[tf.ordinal()];
        int i = s.indexOf(start);
        return i < 0 ? null : s.open[i];
    }

    void putOpen(Timeframe tf, long start, CandleBuilder candle) {
        Slots s = candles[tf.ordinal()];
        int i = s.indexOrAdd(start); // first: it may grow the arrays
        s.open[i] = candle;
    }

    void removeOpen(Timeframe tf, long start) {
        Slots s = candles[tf.ordinal()];
        int i = s.indexOf(start);
        if (i >= 0) {
            s.open[i] = null;
            s.dropIfEmpty(i);
        }
    }

    CandleBuilder frozen(Timeframe tf, long start) {
        Slots s = candles[tf.ordinal()];
        int i = s.indexOf(start);
        return i < 0 ? null : s.frozen[i];
    }

    /** The frozen part of the candle, made empty if it has none yet. */
    CandleBuilder frozenOrNew(Timeframe tf, long start) {
        Slots s = candles[tf.ordinal()];
        int i = s.indexOrAdd(start);
        if (s.frozen[i] == null) {
            s.frozen[i] = new CandleBuilder();
        }
        return s.frozen[i];
    }

    /** Drops the candle and its frozen part. */
    void remove(Timeframe tf, long start) {
        Slots s = candles[tf.ordinal()];
        int i = s.indexOf(start);
        if (i >= 0) {
            s.open[i] = null;
            s.frozen[i] = null;
            s.dropIfEmpty(i);
        }
    }

    /** The retained prints of the minute starting at {@code minute}, or null. */
    RetainedPrints retained(long minute) {
        for (int i = minuteCount - 1; i >= 0; i--) {
            if (minutes[i] == minute) {
                return prints[i];
            }
        }
        return null;
    }

    void putRetained(long minute, RetainedPrints retained) {
        for (int i = minuteCount - 1; i >= 0; i--) {
            if (minutes[i] == minute) {
                prints[i] = retained;
                return;
            }
        }
        if (minuteCount == minutes.length) {
            minutes = Arrays.copyOf(minutes, minuteCount * 2);
            prints = Arrays.copyOf(prints, minuteCount * 2);
        }
        minutes[minuteCount] = minute;
        prints[minuteCount++] = retained;
    }

    void removeRetained(long minute) {
        for (int i = minuteCount - 1; i >= 0; i--) {
            if (minutes[i] == minute) {
                int after = minuteCount - i - 1;
                System.arraycopy(minutes, i + 1, minutes, i, after);
                System.arraycopy(prints, i + 1, prints, i, after);
                prints[--minuteCount] = null;
                return;
            }
        }
    }

    /** Whether nothing is kept: the state can go. */
    boolean isEmpty() {
        if (minuteCount > 0) {
            return false;
        }
        for (Slots s : candles) {
            if (s.size > 0) {
                return false;
            }
        }
        return true;
    }
}
