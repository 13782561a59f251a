package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.alpaca.Channel;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Alpaca's live stock stream (or the simulator) as an unbounded Flink source of {@link FeedEvent}s:
 * the trades of every frame with their corrections and cancels, the quotes, bars and statuses of the
 * {@link Builder#channels channels} asked for, and a dead letter for each message that cannot be used. Frames are
 * decoded per split, so a watermark strategy given to {@code fromSource} tracks each split apart.
 *
 * <p>Each split is a group of symbols on its own connection. Alpaca allows one stream connection per
 * account, so the default is a single split with every symbol.
 *
 * <p>With a {@link Builder#symbolDirectory symbol directory}, symbols are added and removed while the
 * job runs: the enumerator polls the directory and the readers subscribe and unsubscribe on their live
 * connections (see {@link AlpacaSplitEnumerator}). An added symbol starts live; a removed one stops.
 *
 * <p>A split's state is how far its reader got per symbol. When a connection is back after a drop, or
 * the job after a restore, the trades missed meanwhile are fetched from the REST trades endpoint
 * ({@link Builder#restUrl}) and emitted before the live frames, with the trades both carry dropped
 * by id, so the output equals an uninterrupted stream's. A first start without state streams live only.
 * A gap longer than {@link Builder#catchUpThreshold} is caught up before subscribing, and one older
 * than {@link Builder#maxBackfill} is backfilled from that limit on, the rest reported as skipped.
 *
 * <p>Corrections and cancels the tape files during a gap, for trades streamed before it, never come
 * over the stream. So after each gap the source first emits, per symbol, a {@link io.jonbu.ohlcv.model.TapeSnapshot}:
 * the tape as REST now holds it from {@link Builder#reconcileLookback} before the gap up to the newest
 * trade emitted, which the candle operator reconciles its prints with. Trades in that window count as
 * emitted: one the stream had not delivered before the gap comes inside the snapshot, not as a trade.
 */
public final class AlpacaStreamSource
        implements Source<FeedEvent, AlpacaStreamSplit, AlpacaEnumeratorState>, ResultTypeQueryable<FeedEvent> {
    private static final long serialVersionUID = 1L;
    /** A connection silent this long during streaming is opened again; see {@link Builder#dataAgeTimeout}. */
    public static final Duration DEFAULT_DATA_AGE_TIMEOUT = Duration.ofMinutes(10);
    /** Alpaca's stream is out of order by a second or two; see {@link Builder#dedupHorizon}. */
    public static final Duration DEFAULT_DEDUP_HORIZON = Duration.ofSeconds(5);
    /** A gap longer than this is caught up before subscribing; see {@link Builder#catchUpThreshold}. */
    public static final Duration DEFAULT_CATCH_UP_THRESHOLD = Duration.ofMinutes(1);
    /**
     * How far back a gap is backfilled; see {@link Builder#maxBackfill}. Three days covers a job down
     * from a Friday's close to the next Monday's open (65.5 h), the longest quiet stretch of a normal
     * week, plus a margin for a holiday Friday. Beyond that a backfill replays more than the live
     * candles need (their state and corrections reach back minutes, not days) at up to a day's
     * trades per symbol per day missed, under the account's REST rate limit; older history is what
     * {@code jonbu fetch} is for.
     */
    public static final Duration DEFAULT_MAX_BACKFILL = Duration.ofDays(3);
    /** The job's default correction horizon; see {@link Builder#reconcileLookback}. */
    public static final Duration DEFAULT_RECONCILE_LOOKBACK = Duration.ofMinutes(5);

    private final StreamSettings settings;
    private final List<String> symbols;
    private final int symbolsPerSplit;
    /** Null for a fixed symbol list; a field of a serializable source, hence not an Optional. */
    private final SymbolDirectory directory;
    private final Duration pollInterval;

    private AlpacaStreamSource(StreamSettings settings, List<String> symbols, int symbolsPerSplit,
            SymbolDirectory directory, Duration pollInterval) {
        this.settings = settings;
        this.symbols = symbols;
        this.symbolsPerSplit = symbolsPerSplit;
        this.directory = directory;
        this.pollInterval = pollInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many splits (connections) the symbols make; a reader more would have nothing to read. With a
     * directory and no symbols to start with, 1: the first symbols the directory names make a split.
     */
    public int splitCount() {
        return Math.max(1, splits().size());
    }

    /** The symbols in groups of {@code symbolsPerSplit}, in the order given: split ids stay stable across restarts. */
    List<AlpacaStreamSplit> splits() {
        List<AlpacaStreamSplit> splits = new ArrayList<>();
        for (int from = 0; from < symbols.size(); from += symbolsPerSplit) {
            List<String> group = symbols.subList(from, Math.min(symbols.size(), from + symbolsPerSplit));
            splits.add(new AlpacaStreamSplit(AlpacaSplitEnumerator.SPLIT_ID_PREFIX + splits.size(), group));
        }
        return splits;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<FeedEvent, AlpacaStreamSplit> createReader(SourceReaderContext context) {
        return new AlpacaStreamReader(settings, context);
    }

    @Override
    public SplitEnumerator<AlpacaStreamSplit, AlpacaEnumeratorState> createEnumerator(
            SplitEnumeratorContext<AlpacaStreamSplit> context) {
        List<AlpacaStreamSplit> splits = splits();
        return enumerator(context, splits, symbolsOf(splits));
    }

    @Override
    public SplitEnumerator<AlpacaStreamSplit, AlpacaEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<AlpacaStreamSplit> context, AlpacaEnumeratorState state) {
        // a state from before symbols could change names none: every split then holds what it was built with
        Map<String, List<String>> splitSymbols = state.splitSymbols().isEmpty() ? symbolsOf(splits()) : state.splitSymbols();
        return enumerator(context, state.unassigned(), splitSymbols);
    }

    private AlpacaSplitEnumerator enumerator(SplitEnumeratorContext<AlpacaStreamSplit> context,
            List<AlpacaStreamSplit> unassigned, Map<String, List<String>> splitSymbols) {
        return new AlpacaSplitEnumerator(context, unassigned, splitSymbols, symbolsPerSplit, Optional.ofNullable(directory),
                pollInterval);
    }

    private static Map<String, List<String>> symbolsOf(List<AlpacaStreamSplit> splits) {
        Map<String, List<String>> symbols = new LinkedHashMap<>();
        splits.forEach(split -> symbols.put(split.id(), split.symbols()));
        return symbols;
    }

    @Override
    public SimpleVersionedSerializer<AlpacaStreamSplit> getSplitSerializer() {
        return new AlpacaStreamSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<AlpacaEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new AlpacaEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<FeedEvent> getProducedType() {
        return TypeInformation.of(FeedEvent.class);
    }

    @Override
    public String toString() {
        return "AlpacaStreamSource[" + settings + ", " + symbols.size() + " symbols, " + symbolsPerSplit + " per split"
                + (directory == null ? "" : ", following " + directory + " every " + pollInterval.toMillis() + " ms") + "]";
    }

    /** url, credentials and symbols (or a symbol directory) are required; {@link #build()} validates. */
    public static final class Builder {
        private String url;
        private String restUrl = AlpacaRestClient.DEFAULT_BASE_URL;
        private String key;
        private String secret;
        private List<String> symbols;
        private int symbolsPerSplit = Integer.MAX_VALUE;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration dataAgeTimeout = DEFAULT_DATA_AGE_TIMEOUT;
        private Duration dedupHorizon = DEFAULT_DEDUP_HORIZON;
        private Duration catchUpThreshold = DEFAULT_CATCH_UP_THRESHOLD;
        private Duration maxBackfill = DEFAULT_MAX_BACKFILL;
        private Duration reconcileLookback = DEFAULT_RECONCILE_LOOKBACK;
        private SymbolDirectory directory;
        private Duration pollInterval;
        private Set<Channel> channels = EnumSet.noneOf(Channel.class);

        private Builder() {}

        /**
         * What to subscribe each symbol to besides trades (none by default): quotes, minute bars, updated
         * bars, daily bars, trading statuses. Asked for on every connection and for every symbol added
         * while running, dropped with every symbol removed.
         */
        public Builder channels(Set<Channel> channels) {
            this.channels = channels;
            return this;
        }

        /** {@code wss://stream.data.alpaca.markets/v2/iex}, or the simulator's URL. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * The historical API that backfills gaps, with the same credentials: {@code https://data.alpaca.markets}
         * (the default), the sandbox host, or the simulator's {@code restUrl()}.
         */
        public Builder restUrl(String restUrl) {
            this.restUrl = restUrl;
            return this;
        }

        /**
         * How far below a symbol's newest trade the reader remembers the trades it emitted, to drop them
         * when a backfill brings them again. It must exceed how late the stream delivers a trade relative
         * to a newer one; the state grows with it times the trade rate.
         */
        public Builder dedupHorizon(Duration horizon) {
            this.dedupHorizon = horizon;
            return this;
        }

        /**
         * A gap longer than this (measured against the tape's newest print) is fetched over REST in
         * pages before the connection subscribes, up to within this of the present, so that no live
         * frames pile up behind a long backfill; the rest is backfilled at the seam as for a short gap.
         */
        public Builder catchUpThreshold(Duration threshold) {
            this.catchUpThreshold = threshold;
            return this;
        }

        /**
         * How far back from the tape's present a gap is backfilled at most; the older part of a longer
         * gap is skipped, logged at WARN with its symbols and interval and counted in the
         * {@code backfillGapsSkipped} and {@code backfillSecondsSkipped} metrics. See {@link #DEFAULT_MAX_BACKFILL}.
         */
        public Builder maxBackfill(Duration maxBackfill) {
            this.maxBackfill = maxBackfill;
            return this;
        }

        /**
         * How far before a gap the tape is read back over REST, per symbol, into a
         * {@link io.jonbu.ohlcv.model.TapeSnapshot} emitted ahead of the backfill: corrections and
         * cancels filed during the gap for trades streamed before it are then in the tape, though the
         * stream never sent them. Set it to the job's correction horizon, beyond which the candles no
         * longer change anyway; zero turns it off.
         */
        public Builder reconcileLookback(Duration lookback) {
            this.reconcileLookback = lookback;
            return this;
        }

        public Builder credentials(String key, String secret) {
            this.key = key;
            this.secret = secret;
            return this;
        }

        /** The symbols to start with; may be empty when a {@link #symbolDirectory} names them. */
        public Builder symbols(List<String> symbols) {
            this.symbols = symbols;
            return this;
        }

        /**
         * Follow {@code directory} while the job runs: every {@code pollInterval} its active symbols
         * become the streamed ones, added and removed on the live connections without a restart.
         */
        public Builder symbolDirectory(SymbolDirectory directory, Duration pollInterval) {
            this.directory = directory;
            this.pollInterval = pollInterval;
            return this;
        }

        /** Symbols per connection; the default puts all on one, as Alpaca allows one connection per account. */
        public Builder symbolsPerSplit(int symbolsPerSplit) {
            this.symbolsPerSplit = symbolsPerSplit;
            return this;
        }

        /**
         * How long a streaming connection may go without a frame before it is opened again, in case
         * the server answers pings but no longer sends data; zero turns this off. Quiet symbols make
         * silence normal, so keep it well above their gaps.
         */
        public Builder dataAgeTimeout(Duration timeout) {
            this.dataAgeTimeout = timeout;
            return this;
        }

        /** Reconnect waits: {@code initial} after the first loss, doubling per failed attempt up to {@code max}. */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        public AlpacaStreamSource build() {
            if (url == null || !(url.startsWith("ws://") || url.startsWith("wss://"))) {
                throw new IllegalArgumentException("url must start with ws:// or wss://, was " + url);
            }
            if (key == null || key.isEmpty() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("credentials: key and secret must be non-empty");
            }
            if (directory == null && (symbols == null || symbols.isEmpty())) {
                throw new IllegalArgumentException("symbols must be a non-empty list of tickers unless a symbol directory "
                        + "names them, was " + symbols);
            }
            List<String> initial = symbols == null ? List.of() : symbols;
            if (initial.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw new IllegalArgumentException("symbols must be tickers, was " + symbols);
            }
            if (directory != null && (pollInterval == null || pollInterval.toMillis() <= 0)) {
                throw new IllegalArgumentException("symbolDirectory: the poll interval must be at least 1 ms, was "
                        + pollInterval);
            }
            if (symbolsPerSplit <= 0) {
                throw new IllegalArgumentException("symbolsPerSplit must be positive, was " + symbolsPerSplit);
            }
            if (initialBackoff == null || maxBackoff == null || initialBackoff.toMillis() <= 0
                    || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("reconnectBackoff: need 0 < initial <= max, was "
                        + initialBackoff + ", " + maxBackoff);
            }
            List<String> distinct = List.copyOf(new LinkedHashSet<>(initial));
            if (dataAgeTimeout == null || dataAgeTimeout.isNegative()) {
                throw new IllegalArgumentException("dataAgeTimeout: must be zero (off) or positive, was " + dataAgeTimeout);
            }
            if (restUrl == null || HttpUrl.parse(restUrl) == null) {
                throw new IllegalArgumentException("restUrl must be an http(s) URL, was " + restUrl);
            }
            if (dedupHorizon == null || dedupHorizon.isNegative() || dedupHorizon.isZero()) {
                throw new IllegalArgumentException("dedupHorizon: must be positive, was " + dedupHorizon);
            }
            if (channels == null) {
                throw new IllegalArgumentException("channels: must be a set (empty for trades only), was null");
            }
            if (catchUpThreshold == null || catchUpThreshold.isNegative() || catchUpThreshold.isZero()) {
                throw new IllegalArgumentException("catchUpThreshold: must be positive, was " + catchUpThreshold);
            }
            if (maxBackfill == null || maxBackfill.isNegative() || maxBackfill.isZero()) {
                throw new IllegalArgumentException("maxBackfill: must be positive, was " + maxBackfill);
            }
            if (reconcileLookback == null || reconcileLookback.isNegative()) {
                throw new IllegalArgumentException("reconcileLookback: must be zero (off) or positive, was " + reconcileLookback);
            }
            return new AlpacaStreamSource(new StreamSettings(url, restUrl, key, secret, initialBackoff, maxBackoff,
                    dataAgeTimeout, dedupHorizon, catchUpThreshold, maxBackfill, reconcileLookback, channels), distinct,
                    symbolsPerSplit, directory, pollInterval);
        }
    }
}
