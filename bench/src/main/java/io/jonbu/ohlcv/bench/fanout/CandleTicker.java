package io.jonbu.ohlcv.bench.fanout;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces forming 1m candles ({@code final:false}, as the job's partial updates) of every symbol into
 * the candles topic at a fixed rate, in the job's JSON and keyed by symbol as the job writes them, each
 * carrying its produce time (epoch microseconds) in {@code volume}, so a client on this machine can
 * time its delivery. Symbols take turns, spread evenly over each second.
 */
final class CandleTicker implements AutoCloseable {
    private static final long TICK_MILLIS = 5;

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final List<String> symbols;
    private final double perSecond;
    private final AtomicLong produced = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "candle-ticker");
        t.setDaemon(true);
        return t;
    });
    private long startNanos;

    /** @param perSecond candles per second over all symbols */
    CandleTicker(String bootstrapServers, String topic, List<String> symbols, double perSecond) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        this.topic = topic;
        this.symbols = List.copyOf(symbols);
        this.perSecond = perSecond;
    }

    void start() {
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    long produced() {
        return produced.get();
    }

    private void tick() {
        long due = (long) ((System.nanoTime() - startNanos) * perSecond / 1e9);
        for (long n = produced.get(); n < due; n++) {
            String symbol = symbols.get((int) (n % symbols.size()));
            Instant now = Instant.now();
            long nanos = EpochNanos.of(now);
            long start = Timeframe.M1.start(nanos);
            long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
            Candle candle = new Candle(symbol, Timeframe.M1, start, Timeframe.M1.end(start), 100, 101, 99, 100.5, micros, n, 100.2, false, 0);
            try {
                producer.send(new ProducerRecord<>(topic, symbol, ApiJson.mapper().writeValueAsString(candle)));
            } catch (Exception e) {
                throw new IllegalStateException("producing a candle failed", e);
            }
            produced.set(n + 1);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        producer.close();
    }
}
