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
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
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
    /** Trades buffered over all symbols' current pages; fewer symbols get larger pages, up to the API's 10,000. */
    private static final int MERGE_BUFFER = 100_000;
    /**
     * How far past the first live trade the backfill reaches: a print sent just before the subscription
     * may be stamped after the first live one (the feed is out of order), and the overlap is
     * de-duplicated. Kept under the job's out-of-orderness (2 s by default), so the live trades that
     * follow the backfill are not late.
     */
    private static final Duration SEAM_OVERLAP = Duration.ofSeconds(1);
    /**
     * How long a backfill waits for the first live trade, near which it ends. A busy feed sends a frame
     * every few milliseconds; a quiet one may send none, and the backfill then reads up to now. Short,
     * so a connection that keeps dropping still gets its backfills through.
     */
    private static final Duration LIVE_START_WAIT = Duration.ofMillis(250);
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
    void start(AlpacaStreamSplit split, long from, LongSupplier liveStart, Predicate<List<Trade>> deliver, Runnable done) {
        try {
            executor.execute(() -> {
                try {
                    fetch(split, from, liveStart, deliver);
                } finally {
                    done.run();
                }
            });
        } catch (RejectedExecutionException closing) {
            done.run();
        }
    }

    /**
     * Fetches each symbol's trades from {@code from} up to where the live stream starts (the first held
     * live trade, awaited for {@link #LIVE_START_WAIT}; without one, up to now) and hands them over
     * merged in time order. The REST API would return several symbols one after another, and event time
     * would then run ahead on the first symbol and turn the others' trades late.
     */
    private void fetch(AlpacaStreamSplit split, long from, LongSupplier liveStart, Predicate<List<Trade>> deliver) {
        long started = System.nanoTime();
        long count = 0;
        List<Stream<Trade>> streams = new ArrayList<>();
        try {
            long end = awaitLiveStart(liveStart);
            int limit = Math.max(1_000, Math.min(HistoricalQuery.MAX_LIMIT, MERGE_BUFFER / Math.max(1, split.symbols().size())));
            PriorityQueue<Head> heads = new PriorityQueue<>();
            for (String symbol : split.symbols()) {
                HistoricalQuery.Builder query = HistoricalQuery.symbols(symbol).start(from).feed(feed).sort("asc").limit(limit);
                if (end != AlpacaSplitState.NOTHING_EMITTED) {
                    query.end(end);
                }
                Stream<Trade> trades = rest.trades(query.build());
                streams.add(trades);
                Head.of(trades.iterator()).ifPresent(heads::add);
            }
            List<Trade> batch = new ArrayList<>(BATCH);
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                batch.add(head.trade);
                head.next().ifPresent(heads::add);
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
            LOG.info("split {}: backfilled {} trades from {} to {} in {} ms (duplicates are dropped as they are emitted)",
                    split.id(), count, EpochNanos.format(from), end == AlpacaSplitState.NOTHING_EMITTED ? "now" : EpochNanos.format(end),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("split {}: backfill stopped after {} trades as the reader closes", split.id(), count);
        } catch (RuntimeException e) {
            if (executor.isShutdown()) {
                // the reader is closing (a stop with savepoint, a cancel): the interrupted request is no failure
                LOG.info("split {}: backfill stopped after {} trades as the reader closes", split.id(), count);
                return;
            }
            failures.inc();
            LOG.error("split {}: BACKFILL FAILED after {} trades; trades of {} since {} that the stream missed are lost,"
                    + " continuing live: {}", split.id(), count, split.symbols(), EpochNanos.format(from), e.toString(), e);
        } finally {
            streams.forEach(Stream::close);
        }
    }

    /**
     * Where the backfill ends: {@link #SEAM_OVERLAP} past the live stream's first trade, or
     * {@link AlpacaSplitState#NOTHING_EMITTED} if none came in time (a quiet market).
     */
    private static long awaitLiveStart(LongSupplier liveStart) throws InterruptedException {
        long deadline = System.nanoTime() + LIVE_START_WAIT.toNanos();
        long start;
        while ((start = liveStart.getAsLong()) == AlpacaSplitState.NOTHING_EMITTED && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return start == AlpacaSplitState.NOTHING_EMITTED ? start : start + SEAM_OVERLAP.toNanos();
    }

    /** One symbol's next trade and the rest of its trades, ordered by the next trade's time. */
    private record Head(Trade trade, Iterator<Trade> rest) implements Comparable<Head> {
        static Optional<Head> of(Iterator<Trade> trades) {
            return trades.hasNext() ? Optional.of(new Head(trades.next(), trades)) : Optional.empty();
        }

        Optional<Head> next() {
            return of(rest);
        }

        @Override
        public int compareTo(Head other) {
            int byTime = Long.compare(trade.timestamp(), other.trade.timestamp());
            return byTime != 0 ? byTime : trade.symbol().compareTo(other.trade.symbol());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        rest.close();
    }
}
