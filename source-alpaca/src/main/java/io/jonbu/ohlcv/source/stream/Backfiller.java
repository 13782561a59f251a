package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.Backoff;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import io.jonbu.ohlcv.source.rest.HistoricalQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;
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
 * <p>A gap longer than the catch-up threshold is fetched before the connection subscribes (see
 * {@link #catchUp}), so a day-long gap is not read while live frames pile up behind it. A gap is
 * backfilled at most {@code maxBackfill} back from the tape's present; anything older is skipped,
 * logged at WARN with its symbols and interval, and counted ({@link BackfillMetrics}).
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
    /** How long a catch-up waits for the frames queued before the gap to be emitted. */
    private static final Duration BARRIER_WAIT = Duration.ofSeconds(30);
    /** Trades per tape snapshot at most: a busy symbol's lookback is cut into several. */
    private static final int SNAPSHOT_TRADES = 10_000;
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
    private final long horizonNanos;
    private final long catchUpThresholdNanos;
    private final long maxBackfillNanos;
    private final long lookbackNanos;
    private final Counter failures;
    private final Counter skippedGaps;
    private final Counter skippedSeconds;
    /** Per split, the end of the skipped interval last reported, so a retried catch-up reports none twice. */
    private final Map<String, Long> skippedUpTo = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "alpaca-backfill");
        thread.setDaemon(true);
        return thread;
    });

    /** The REST client's circuit, as a health report names it: {@code closed}, {@code open} or {@code half_open}. */
    String circuit() {
        return rest.circuitState().name().toLowerCase(Locale.ROOT);
    }

    Backfiller(StreamSettings settings, BackfillMetrics metrics) {
        // fewer, shorter retries than the client's defaults: live frames wait in a bounded buffer meanwhile
        this.rest = AlpacaRestClient.builder().baseUrl(settings.restUrl()).credentials(settings.key(), settings.secret())
                .retries(3, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5))).build();
        this.feed = restFeed(settings.url());
        this.horizonNanos = settings.dedupHorizon().toNanos();
        this.catchUpThresholdNanos = settings.catchUpThreshold().toNanos();
        this.maxBackfillNanos = settings.maxBackfill().toNanos();
        this.lookbackNanos = settings.reconcileLookback().toNanos();
        this.failures = metrics.failures();
        this.skippedGaps = metrics.skippedGaps();
        this.skippedSeconds = metrics.skippedSeconds();
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
    void start(AlpacaStreamSplit split, long from, LongSupplier liveStart, Predicate<Arrival> deliver, Runnable done) {
        run(() -> fetch(split, from, liveStart, deliver), done);
    }

    /**
     * Before a connection subscribes: measures the gap since {@code from} against the tape's present
     * (its newest print, so a feed on any clock is measured on its own), trims a gap longer than
     * {@code maxBackfill} to its newest part, reporting the rest as skipped, re-reads the tape over the
     * reconcile lookback before the gap into {@link TapeSnapshot}s, and fetches a gap longer
     * than {@code catchUpThreshold} in rounds up to the present, handing batches to {@code deliver},
     * until the present is within the threshold. Then {@code done} gets where the seam backfill after
     * the subscription must start at the earliest, or {@link AlpacaSplitState#NOTHING_EMITTED} when
     * this changed nothing (the gap is short, or it could not be measured or caught up).
     */
    void catchUp(AlpacaStreamSplit split, LongSupplier from, Predicate<Arrival> deliver, LongConsumer done) {
        long[] seamFrom = {AlpacaSplitState.NOTHING_EMITTED};
        run(() -> {
            long start = emittedUpToTheGap(split, from, deliver);
            if (start != AlpacaSplitState.NOTHING_EMITTED) {
                seamFrom[0] = catchUp(split, start, deliver);
            }
        }, () -> done.accept(seamFrom[0]));
    }

    /**
     * Where the gap starts once the frames queued before it have been emitted: until then the split's
     * position lags behind what the job has already seen, and the snapshot's window would end short
     * of it. Waits at most {@link #BARRIER_WAIT} (a job under backpressure), then goes on from the
     * position as it is. {@link AlpacaSplitState#NOTHING_EMITTED} if {@code deliver} refused.
     */
    private static long emittedUpToTheGap(AlpacaStreamSplit split, LongSupplier from, Predicate<Arrival> deliver) {
        CountDownLatch reached = new CountDownLatch(1);
        if (!deliver.test(Arrival.barrier(reached))) {
            return AlpacaSplitState.NOTHING_EMITTED;
        }
        try {
            if (!reached.await(BARRIER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("split {}: the frames before the gap are not all emitted after {}; measuring the gap from the"
                        + " position as it is", split.id(), BARRIER_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AlpacaSplitState.NOTHING_EMITTED;
        }
        return from.getAsLong();
    }

    private void run(Runnable work, Runnable done) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    done.run();
                }
            });
        } catch (RejectedExecutionException closing) {
            done.run();
        }
    }

    private long catchUp(AlpacaStreamSplit split, long from, Predicate<Arrival> deliver) {
        long seamFrom = AlpacaSplitState.NOTHING_EMITTED;
        long cursor = from;
        long count = 0;
        long started = System.nanoTime();
        try {
            long present = newestPrint(split, cursor);
            long floor = present == AlpacaSplitState.NOTHING_EMITTED ? cursor : present - maxBackfillNanos;
            if (cursor < floor) {
                skipped(split, cursor, floor);
                cursor = floor;
                seamFrom = floor;
            } else if (lookbackNanos > 0 && !snapshot(split, from, deliver)) {
                return AlpacaSplitState.NOTHING_EMITTED;
            }
            if (present == AlpacaSplitState.NOTHING_EMITTED) {
                return seamFrom;
            }
            while (present - cursor > catchUpThresholdNanos) {
                LOG.info("split {}: catching up {} ms of trades from {} to {} over REST before subscribing", split.id(),
                        (present - cursor) / 1_000_000L, EpochNanos.format(cursor), EpochNanos.format(present));
                long fetched = fetchMerged(split, cursor, present, deliver, Arrival::catchUp);
                if (fetched < 0) {
                    return AlpacaSplitState.NOTHING_EMITTED;
                }
                count += fetched;
                cursor = present;
                // the seam backfill repeats the horizon below, for the prints REST had not yet when asked
                seamFrom = Math.max(floor, cursor - horizonNanos);
                present = Math.max(cursor, newestPrint(split, cursor));
            }
            if (count > 0) {
                LOG.info("split {}: caught up {} trades to {} in {} ms; subscribing", split.id(), count,
                        EpochNanos.format(cursor), (System.nanoTime() - started) / 1_000_000);
            }
            return seamFrom;
        } catch (RuntimeException e) {
            if (executor.isShutdown()) {
                return AlpacaSplitState.NOTHING_EMITTED;
            }
            // the seam backfill after the subscription tries the rest of the gap again
            LOG.warn("split {}: catch-up stopped after {} trades at {} ({}); the backfill after subscribing takes over",
                    split.id(), count, EpochNanos.format(cursor), e.toString());
            return seamFrom;
        }
    }

    /**
     * Re-reads each symbol's tape from the lookback before the gap to the newest trade emitted before
     * it ({@code from} is that less the dedup horizon), and hands each over as one snapshot. A trade
     * emitted before the gap and corrected or cancelled during it is in the tape as it now stands,
     * and only there. A gap whose older part was skipped gets none: its window is older still.
     * Returns false if {@code deliver} stopped it.
     */
    private boolean snapshot(AlpacaStreamSplit split, long from, Predicate<Arrival> deliver) {
        long windowFrom = from - lookbackNanos;
        long windowTo = from + horizonNanos + 1;
        long count = 0;
        for (String symbol : split.symbols()) {
            // end is inclusive in the REST API
            try (Stream<Trade> tape = rest.trades(HistoricalQuery.symbols(symbol).start(windowFrom).end(windowTo - 1)
                    .feed(feed).sort("asc").limit(HistoricalQuery.MAX_LIMIT).build())) {
                long[] delivered = {0};
                if (!snapshots(symbol, windowFrom, windowTo, tape.iterator(), snapshot -> {
                    delivered[0] += snapshot.trades().length;
                    return deliver.test(Arrival.snapshot(snapshot));
                })) {
                    return false;
                }
                count += delivered[0];
            }
        }
        LOG.info("split {}: re-read {} trades of the tape from {} to {} for the candles to reconcile", split.id(), count,
                EpochNanos.format(windowFrom), EpochNanos.format(windowTo));
        return true;
    }

    /**
     * Cuts a symbol's window into snapshots of at most {@link #SNAPSHOT_TRADES} trades each, so a busy
     * symbol's minutes do not make one huge record: each covers a sub-window whole, so a cut falls
     * only between two different instants. Returns false if {@code deliver} stopped it.
     */
    private static boolean snapshots(String symbol, long from, long to, Iterator<Trade> trades, Predicate<TapeSnapshot> deliver) {
        List<Trade> part = new ArrayList<>();
        long partFrom = from;
        while (trades.hasNext()) {
            Trade trade = trades.next();
            if (part.size() >= SNAPSHOT_TRADES && trade.timestamp() > part.get(part.size() - 1).timestamp()) {
                if (!deliver.test(new TapeSnapshot(symbol, partFrom, trade.timestamp(), part.toArray(Trade[]::new)))) {
                    return false;
                }
                partFrom = trade.timestamp();
                part = new ArrayList<>();
            }
            part.add(trade);
        }
        return deliver.test(new TapeSnapshot(symbol, partFrom, to, part.toArray(Trade[]::new)));
    }

    /**
     * The newest print of the split's symbols stamped from {@code from} on, one request per symbol
     * ({@code sort=desc}, one trade), or {@link AlpacaSplitState#NOTHING_EMITTED} if none traded since.
     */
    private long newestPrint(AlpacaStreamSplit split, long from) {
        long newest = AlpacaSplitState.NOTHING_EMITTED;
        for (String symbol : split.symbols()) {
            try (Stream<Trade> trades = rest.trades(HistoricalQuery.symbols(symbol).start(from).feed(feed).sort("desc")
                    .limit(1).build())) {
                Optional<Trade> last = trades.findFirst();
                if (last.isPresent()) {
                    newest = Math.max(newest, last.get().timestamp());
                }
            }
        }
        return newest;
    }

    /** Reports, once per interval, the part of a gap older than the age limit, which is not backfilled. */
    private void skipped(AlpacaStreamSplit split, long from, long floor) {
        long reportedTo = skippedUpTo.getOrDefault(split.id(), AlpacaSplitState.NOTHING_EMITTED);
        long start = Math.max(from, reportedTo);
        if (start >= floor) {
            return;
        }
        skippedUpTo.put(split.id(), floor);
        skippedGaps.inc();
        skippedSeconds.inc((floor - start) / 1_000_000_000L);
        LOG.warn("split {}: GAP NOT BACKFILLED: the trades of {} from {} to {} ({} s) are older than the backfill limit of {}"
                + " and are skipped; backfilling from {} on", split.id(), split.symbols(), EpochNanos.format(start),
                EpochNanos.format(floor), (floor - start) / 1_000_000_000L, Duration.ofNanos(maxBackfillNanos),
                EpochNanos.format(floor));
    }

    /**
     * Fetches each symbol's trades from {@code from} up to where the live stream starts (the first held
     * live trade, awaited for {@link #LIVE_START_WAIT}; without one, up to now) and hands them over
     * merged in time order.
     */
    private void fetch(AlpacaStreamSplit split, long from, LongSupplier liveStart, Predicate<Arrival> deliver) {
        long started = System.nanoTime();
        try {
            long end = awaitLiveStart(liveStart);
            long count = fetchMerged(split, from, end, deliver, Arrival::backfill);
            if (count >= 0) {
                LOG.info("split {}: backfilled {} trades from {} to {} in {} ms (duplicates are dropped as they are emitted)",
                        split.id(), count, EpochNanos.format(from), end == AlpacaSplitState.NOTHING_EMITTED ? "now" : EpochNanos.format(end),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("split {}: backfill stopped as the reader closes", split.id());
        } catch (RuntimeException e) {
            if (executor.isShutdown()) {
                // the reader is closing (a stop with savepoint, a cancel): the interrupted request is no failure
                LOG.info("split {}: backfill stopped as the reader closes", split.id());
                return;
            }
            failures.inc();
            LOG.error("split {}: BACKFILL FAILED; trades of {} since {} that the stream missed are lost,"
                    + " continuing live: {}", split.id(), split.symbols(), EpochNanos.format(from), e.toString(), e);
        }
    }

    /**
     * Fetches each symbol's trades stamped in [{@code from}, {@code end}] ({@code end}
     * {@link AlpacaSplitState#NOTHING_EMITTED}: up to now) and hands them over merged in time order,
     * each batch wrapped by {@code arrival}. The REST API would return several symbols one after
     * another, and event time would then run ahead on the first symbol and turn the others' trades
     * late. Returns the trades handed over, or -1 if {@code deliver} stopped it.
     */
    private long fetchMerged(AlpacaStreamSplit split, long from, long end, Predicate<Arrival> deliver,
            Function<List<Trade>, Arrival> arrival) {
        long count = 0;
        List<Stream<Trade>> streams = new ArrayList<>();
        try {
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
                if (batch.size() == BATCH || heads.isEmpty()) {
                    count += batch.size();
                    if (!deliver.test(arrival.apply(batch))) {
                        LOG.info("split {}: backfill abandoned after {} trades (connection replaced or reader closing)",
                                split.id(), count);
                        return -1;
                    }
                    batch = new ArrayList<>(BATCH);
                }
            }
            return count;
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
