package io.jonbu.ohlcv.source.history;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import okhttp3.HttpUrl;
import org.apache.flink.util.Preconditions;

/**
 * Alpaca's historical trades over a time range, from the REST trades endpoint, as a bounded Flink
 * source of {@link FeedEvent}s: the input of a backtest that runs the same operators as the live job.
 *
 * <p>The range is cut into one slice per symbol per New York trading day, handed to readers on
 * request, so the REST fetches of both cores overlap. Each slice is in time order, but a reader
 * that moves on to another symbol's slice of the same day goes back in time: run the job in
 * {@code BATCH} execution mode, where Flink sorts by key and nothing is late (as {@code jonbu replay}
 * does), not in streaming mode with event-time watermarks.
 */
public final class AlpacaHistorySource
        implements Source<FeedEvent, HistorySplit, HistoryEnumeratorState>, ResultTypeQueryable<FeedEvent> {
    private static final long serialVersionUID = 1L;

    private final HistorySettings settings;
    private final List<String> symbols;
    private final long start;
    private final long end;

    private AlpacaHistorySource(HistorySettings settings, List<String> symbols, long start, long end) {
        this.settings = settings;
        this.symbols = symbols;
        this.start = start;
        this.end = end;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many slices the range makes; a reader more would have nothing to read. */
    public int sliceCount() {
        return slices().size();
    }

    /** Day-major: every symbol's first day, then every symbol's second day, so early readers start early. */
    List<HistorySplit> slices() {
        List<HistorySplit> slices = new ArrayList<>();
        for (long day = Timeframe.D1.start(start); day < end; day = Timeframe.D1.end(day)) {
            long from = Math.max(day, start);
            long to = Math.min(Timeframe.D1.end(day), end);
            for (String symbol : symbols) {
                slices.add(new HistorySplit(symbol, from, to, 0));
            }
        }
        return slices;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<FeedEvent, HistorySplit> createReader(SourceReaderContext context) {
        return new HistoryReader(settings, context);
    }

    @Override
    public SplitEnumerator<HistorySplit, HistoryEnumeratorState> createEnumerator(SplitEnumeratorContext<HistorySplit> context) {
        return new HistoryEnumerator(context, slices());
    }

    @Override
    public SplitEnumerator<HistorySplit, HistoryEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<HistorySplit> context, HistoryEnumeratorState state) {
        return new HistoryEnumerator(context, state.remaining());
    }

    @Override
    public SimpleVersionedSerializer<HistorySplit> getSplitSerializer() {
        return new HistorySplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<HistoryEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new HistoryEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<FeedEvent> getProducedType() {
        return TypeInformation.of(FeedEvent.class);
    }

    @Override
    public String toString() {
        return "AlpacaHistorySource[" + settings + ", " + symbols.size() + " symbols]";
    }

    /** Credentials, symbols and the range are required; {@link #build()} validates. */
    public static final class Builder {
        private String restUrl = AlpacaRestClient.DEFAULT_BASE_URL;
        private String key;
        private String secret;
        private String feed;
        private List<String> symbols;
        private Long start;
        private Long end;

        private Builder() {}

        /** {@code https://data.alpaca.markets} (the default), or a simulator's {@code http://127.0.0.1:<port>}. */
        public Builder restUrl(String restUrl) {
            this.restUrl = restUrl;
            return this;
        }

        public Builder credentials(String key, String secret) {
            this.key = key;
            this.secret = secret;
            return this;
        }

        /** {@code sip}, {@code iex}, ...; null leaves it to Alpaca (the best feed the plan allows). */
        public Builder feed(String feed) {
            this.feed = feed;
            return this;
        }

        public Builder symbols(List<String> symbols) {
            this.symbols = symbols;
            return this;
        }

        /** Trades at or after {@code start} and before {@code end}, epoch nanoseconds UTC. */
        public Builder range(long start, long end) {
            this.start = start;
            this.end = end;
            return this;
        }

        public AlpacaHistorySource build() {
            Preconditions.checkArgument(key != null && !key.isEmpty() && secret != null && !secret.isEmpty(),
                    "credentials: key and secret must be non-empty");
            Preconditions.checkArgument(symbols != null && !symbols.isEmpty()
                    && symbols.stream().allMatch(s -> s != null && !s.isBlank()), "symbols must be a non-empty list of tickers, was %s", symbols);
            Preconditions.checkArgument(start != null && end != null && start < end, "range: start must be before end");
            Preconditions.checkArgument(restUrl != null && HttpUrl.parse(restUrl) != null, "restUrl must be an http(s) URL, was %s", restUrl);
            return new AlpacaHistorySource(new HistorySettings(restUrl, key, secret, feed),
                    List.copyOf(new LinkedHashSet<>(symbols)), start, end);
        }
    }
}
