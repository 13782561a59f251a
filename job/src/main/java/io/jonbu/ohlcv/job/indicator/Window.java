package io.jonbu.ohlcv.job.indicator;

/**
 * The last {@code capacity} values of a series in a ring of primitive doubles, the building block
 * of the windowed indicators. Slot 0 holds the first value added and the ring wraps in storage
 * order, which is also how TA-Lib lays out its circular buffers, so summing in storage order (as
 * {@link Cci} does) repeats TA-Lib's arithmetic exactly. A Flink POJO.
 */
public class Window {
    public double[] values;
    /** How many values were added, capped at the capacity. */
    public int count;
    /** The slot the next value goes into: once full, the slot of the oldest value. */
    public int next;

    /** For Flink's serializer only. */
    public Window() {}

    public Window(int capacity) {
        values = new double[capacity];
    }

    /** Adds {@code x}, overwriting the oldest value once full. */
    public void add(double x) {
        values[next] = x;
        if (++next == values.length) {
            next = 0;
        }
        if (count < values.length) {
            count++;
        }
    }

    public boolean isFull() {
        return count == values.length;
    }

    /** The value added last; NaN while empty. */
    public double newest() {
        return count == 0 ? Double.NaN : values[next == 0 ? values.length - 1 : next - 1];
    }

    /** The oldest value held; only meaningful once full. */
    public double oldest() {
        return values[next];
    }

    /**
     * The largest value held: a scan of the ring, O(capacity), which for the 5- and 14-candle
     * windows it serves costs less than keeping a monotonic deque in state.
     */
    public double max() {
        double m = values[0];
        for (int i = 1; i < count; i++) {
            m = Math.max(m, values[i]);
        }
        return m;
    }

    /** The smallest value held; see {@link #max()}. */
    public double min() {
        double m = values[0];
        for (int i = 1; i < count; i++) {
            m = Math.min(m, values[i]);
        }
        return m;
    }
}
