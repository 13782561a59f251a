package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
 * the trades of every frame, and a dead letter for each message that cannot be used. Frames are
 * decoded per split, so a watermark strategy given to {@code fromSource} tracks each split apart.
 *
 * <p>Each split is a group of symbols on its own connection. Alpaca allows one stream connection per
 * account, so the default is a single split with every symbol.
 *
 * <p>A split's state is how far its reader got per symbol. When a connection is back after a drop, or
 * the job after a restore, the trades missed meanwhile are fetched from the REST trades endpoint
 * ({@link Builder#restUrl}) and emitted before the live frames, with the trades both carry dropped
 * by id, so the output equals an uninterrupted stream's. A first start without state streams live only.
 */
public final class AlpacaStreamSource
        implements Source<FeedEvent, AlpacaStreamSplit, AlpacaEnumeratorState>, ResultTypeQueryable<FeedEvent> {
    private static final long serialVersionUID = 1L;
    /** A connection silent this long during streaming is opened again; see {@link Builder#dataAgeTimeout}. */
    public static final Duration DEFAULT_DATA_AGE_TIMEOUT = Duration.ofMinutes(10);
    /** Alpaca's stream is out of order by a second or two; see {@link Builder#dedupHorizon}. */
    public static final Duration DEFAULT_DEDUP_HORIZON = Duration.ofSeconds(5);

    private final StreamSettings settings;
    private final List<String> symbols;
    private final int symbolsPerSplit;

    private AlpacaStreamSource(StreamSettings settings, List<String> symbols, int symbolsPerSplit) {
        this.settings = settings;
        this.symbols = symbols;
        this.symbolsPerSplit = symbolsPerSplit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many splits (connections) the symbols make; a reader more would have nothing to read. */
    public int splitCount() {
        return splits().size();
    }

    /** The symbols in groups of {@code symbolsPerSplit}, in the order given: split ids stay stable across restarts. */
    List<AlpacaStreamSplit> splits() {
        List<AlpacaStreamSplit> splits = new ArrayList<>();
        for (int from = 0; from < symbols.size(); from += symbolsPerSplit) {
            List<String> group = symbols.subList(from, Math.min(symbols.size(), from + symbolsPerSplit));
            splits.add(new AlpacaStreamSplit("alpaca-" + splits.size(), group));
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
        return new AlpacaSplitEnumerator(context, splits());
    }

    @Override
    public SplitEnumerator<AlpacaStreamSplit, AlpacaEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<AlpacaStreamSplit> context, AlpacaEnumeratorState state) {
        return new AlpacaSplitEnumerator(context, state.unassigned());
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
        return "AlpacaStreamSource[" + settings + ", " + symbols.size() + " symbols, " + symbolsPerSplit + " per split]";
    }

    /** url, credentials and symbols are required; {@link #build()} validates. */
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

        private Builder() {}

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

        public Builder credentials(String key, String secret) {
            this.key = key;
            this.secret = secret;
            return this;
        }

        public Builder symbols(List<String> symbols) {
            this.symbols = symbols;
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
            if (symbols == null || symbols.isEmpty() || symbols.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw new IllegalArgumentException("symbols must be a non-empty list of tickers, was " + symbols);
            }
            if (symbolsPerSplit <= 0) {
                throw new IllegalArgumentException("symbolsPerSplit must be positive, was " + symbolsPerSplit);
            }
            if (initialBackoff == null || maxBackoff == null || initialBackoff.toMillis() <= 0
                    || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("reconnectBackoff: need 0 < initial <= max, was "
                        + initialBackoff + ", " + maxBackoff);
            }
            List<String> distinct = List.copyOf(new LinkedHashSet<>(symbols));
            if (dataAgeTimeout == null || dataAgeTimeout.isNegative()) {
                throw new IllegalArgumentException("dataAgeTimeout: must be zero (off) or positive, was " + dataAgeTimeout);
            }
            if (restUrl == null || HttpUrl.parse(restUrl) == null) {
                throw new IllegalArgumentException("restUrl must be an http(s) URL, was " + restUrl);
            }
            if (dedupHorizon == null || dedupHorizon.isNegative() || dedupHorizon.isZero()) {
                throw new IllegalArgumentException("dedupHorizon: must be positive, was " + dedupHorizon);
            }
            return new AlpacaStreamSource(new StreamSettings(url, restUrl, key, secret, initialBackoff, maxBackoff,
                    dataAgeTimeout, dedupHorizon), distinct, symbolsPerSplit);
        }
    }
}
