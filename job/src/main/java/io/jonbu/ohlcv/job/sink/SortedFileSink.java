package io.jonbu.ohlcv.job.sink;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.csv.CandleCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes every candle (or enriched candle) of a bounded run to one file, a line each, sorted by
 * symbol, timeframe and start, when the input ends. Candles are far fewer than trades (thousands of
 * trades make one), so holding them until the end is cheap; run it at parallelism 1. A revised
 * candle replaces the earlier emission. The file appears whole or not at all.
 *
 * @param <T> a candle, or something that carries one
 */
public final class SortedFileSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String header;
    private final SerializableFunction<T, Candle> candleOf;
    private final SerializableFunction<T, String> line;

    /**
     * @param header   the first line, or null for none
     * @param candleOf the candle an element is about, which orders and identifies it
     * @param line     the element's line, without the line break
     */
    public SortedFileSink(Path path, String header, SerializableFunction<T, Candle> candleOf, SerializableFunction<T, String> line) {
        this.path = path.toAbsolutePath().toString();
        this.header = header;
        this.candleOf = candleOf;
        this.line = line;
    }

    /** Final candles as {@link CandleCsv}, the output of {@code jonbu replay}. */
    public static SortedFileSink<Candle> candleCsv(Path path) {
        return new SortedFileSink<>(path, CandleCsv.HEADER, c -> c, CandleCsv::row);
    }

    @Override
    @SuppressWarnings("deprecation") // Flink 1.20 still requires this overload; the new one delegates to it
    public SinkWriter<T> createWriter(InitContext context) {
        return new Writer();
    }

    private final class Writer implements SinkWriter<T> {
        private final Map<Key, T> newest = new HashMap<>();

        @Override
        public void write(T element, Context context) {
            Candle c = candleOf.apply(element);
            newest.merge(new Key(c.symbol(), c.timeframe(), c.start()), element,
                    (old, revised) -> candleOf.apply(revised).revision() >= candleOf.apply(old).revision() ? revised : old);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (!endOfInput) {
                return;
            }
            List<T> sorted = new ArrayList<>(newest.values());
            sorted.sort((a, b) -> CandleCsv.ORDER.compare(candleOf.apply(a), candleOf.apply(b)));
            Path target = Path.of(path);
            Path parent = target.getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, target.getFileName().toString(), ".part");
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                if (header != null) {
                    out.write(header);
                    out.write('\n');
                }
                for (T element : sorted) {
                    out.write(line.apply(element));
                    out.write('\n');
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void close() {}
    }

    private record Key(String symbol, Timeframe timeframe, long start) {}
}
