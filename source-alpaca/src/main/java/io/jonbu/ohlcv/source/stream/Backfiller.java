package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.Backoff;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import io.jonbu.ohlcv.source.rest.HistoricalQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the trades a split missed while its stream was down from Alpaca's REST trades endpoint, on
 * a thread of its own so neither the socket's reader thread nor Flink's fetcher waits on HTTP. One
 * backfill runs at a time per split reader: requests of one account share one rate limit anyway.
 *
 * <p>A failed backfill (circuit open, keys refused, retries spent) is logged and counted, and the
 * stream goes on live: a gap in the candles is better than a job that stops.
 */
final class Backfiller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Backfiller.class);

    /**
     * Trades per hand-over to the emitter: the frame queue bounds elements, not trades, so this keeps
     * a queue full of backfill about as large as one full of live frames.
     */
    private static final int BATCH = 250;
    /** Feeds the REST API knows; other stream feeds (test) take the API's default. */
    private static final Set<String> REST_FEEDS = Set.of("sip", "iex", "delayed_sip", "boats", "overnight", "otc");

    private final AlpacaRestClient rest;
    private final String feed;
    private final Counter failures;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "alpaca-backfill");
        thread.setDaemon(true);
        return thread;
    });

    /** @param failures counts the backfills that failed */
    Backfiller(StreamSettings settings, Counter failures) {
        // fewer, shorter retries than the client's defaults: live frames wait in a bounded buffer meanwhile
        this.rest = AlpacaRestClient.builder().baseUrl(settings.restUrl()).credentials(settings.key(), settings.secret())
                .retries(3, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5))).build();
        this.feed = restFeed(settings.url());
        this.failures = failures;
    }

    /** The REST {@code feed} for a stream URL: its last path segment if the REST API knows it, else null. */
    static String restFeed(String streamUrl) {
        String path = streamUrl.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return REST_FEEDS.contains(last) ? last : null;
    }

    /**
     * Fetches {@code split}'s trades stamped from {@code from} on, in batches to {@code deliver} (which
     * answers false to stop early), then runs {@code done}, whether the backfill worked or not.
     */
    void start(AlpacaStreamSplit split, long from, Predicate<List<Trade>> deliver, Runnable done) {
        try {
            executor.execute(() -> {
                try {
                    fetch(split, from, deliver);
                } finally {
                    done.run();
                }
            });
        } catch (RejectedExecutionException closing) {
            done.run();
        }
    }

    private void fetch(AlpacaStreamSplit split, long from, Predicate<List<Trade>> deliver) {
        long started = System.nanoTime();
        long count = 0;
        // no end: the API's default is now, and the live frames buffered meanwhile overlap it
        HistoricalQuery query = HistoricalQuery.symbols(split.symbols()).start(from).feed(feed).sort("asc")
                .limit(HistoricalQuery.MAX_LIMIT).build();
        try (Stream<Trade> trades = rest.trades(query)) {
            Iterator<Trade> it = trades.iterator();
            List<Trade> batch = new ArrayList<>(BATCH);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == BATCH) {
                    count += batch.size();
                    if (!deliver.test(batch)) {
                        LOG.info("split {}: backfill abandoned after {} trades (connection replaced or reader closing)",
                                split.id(), count);
                        return;
                    }
                    batch = new ArrayList<>(BATCH);
                }
            }
            count += batch.size();
            if (!batch.isEmpty() && !deliver.test(batch)) {
                return;
            }
            LOG.info("split {}: backfilled {} trades from {} in {} ms (duplicates are dropped as they are emitted)",
                    split.id(), count, EpochNanos.format(from), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            if (executor.isShutdown()) {
                // the reader is closing (a stop with savepoint, a cancel): the interrupted request is no failure
                LOG.info("split {}: backfill stopped after {} trades as the reader closes", split.id(), count);
                return;
            }
            failures.inc();
            LOG.error("split {}: BACKFILL FAILED after {} trades; trades of {} since {} that the stream missed are lost,"
                    + " continuing live: {}", split.id(), count, split.symbols(), EpochNanos.format(from), e.toString(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        rest.close();
    }
}
