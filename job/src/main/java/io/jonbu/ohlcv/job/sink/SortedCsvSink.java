package io.jonbu.ohlcv.job.sink;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.csv.CandleCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.jonbu.ohlcv.model.Timeframe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Writes every candle of a bounded run to one CSV file, sorted by symbol, timeframe and start, when
 * the input ends. Candles are far fewer than trades (thousands of trades make one), so holding them
 * until the end is cheap; run it at parallelism 1. A revised candle replaces the earlier emission.
 * The file appears whole or not at all.
 */
public final class SortedCsvSink implements Sink<Candle> {
    private static final long serialVersionUID = 1L;

    private final String path;

    public SortedCsvSink(Path path) {
        this.path = path.toAbsolutePath().toString();
    }

    @Override
    @SuppressWarnings("deprecation") // Flink 1.20 still requires this overload; the new one delegates to it
    public SinkWriter<Candle> createWriter(InitContext context) {
        return new Writer(Path.of(path));
    }

    private static final class Writer implements SinkWriter<Candle> {
        private final Path target;
        private final Map<Key, Candle> candles = new HashMap<>();

        Writer(Path target) {
            this.target = target;
        }

        @Override
        public void write(Candle candle, Context context) {
            candles.merge(new Key(candle.symbol(), candle.timeframe(), candle.start()), candle,
                    (old, revised) -> revised.revision() >= old.revision() ? revised : old);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (!endOfInput) {
                return;
            }
            List<Candle> sorted = new ArrayList<>(candles.values());
            sorted.sort(CandleCsv.ORDER);
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, target.getFileName().toString(), ".part");
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(CandleCsv.HEADER);
                out.write('\n');
                for (Candle c : sorted) {
                    out.write(CandleCsv.row(c));
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
