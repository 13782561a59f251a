package io.jonbu.ohlcv.source.history;

import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import io.jonbu.ohlcv.source.rest.HistoricalQuery;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.stream.Stream;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

/**
 * Reads its slices one after another, each page by page from the REST trades endpoint in ascending
 * time, skipping the trades a restored slice had already emitted. A request that still fails after
 * the client's retries fails the fetch, and so the job: a backtest with a hole in it would be wrong.
 */
final class HistorySplitReader implements SplitReader<Trade, HistorySplit> {
    /** Trades handed over per fetch; one REST page holds up to 10,000. */
    private static final int MAX_TRADES_PER_FETCH = 2_000;

    private final HistorySettings settings;
    private final AlpacaRestClient client;
    private final Deque<HistorySplit> splits = new ArrayDeque<>();
    private HistorySplit current;
    private Stream<Trade> currentStream;
    private Iterator<Trade> trades;

    HistorySplitReader(HistorySettings settings) {
        this.settings = settings;
        this.client = AlpacaRestClient.builder().baseUrl(settings.restUrl()).credentials(settings.key(), settings.secret()).build();
    }

    @Override
    public RecordsWithSplitIds<Trade> fetch() {
        RecordsBySplits.Builder<Trade> records = new RecordsBySplits.Builder<>();
        if (current == null && !openNext()) {
            return records.build();
        }
        for (int i = 0; i < MAX_TRADES_PER_FETCH && trades.hasNext(); i++) {
            records.add(current.splitId(), trades.next());
        }
        if (!trades.hasNext()) {
            records.addFinishedSplit(current.splitId());
            closeCurrent();
        }
        return records.build();
    }

    private boolean openNext() {
        current = splits.poll();
        if (current == null) {
            return false;
        }
        HistoricalQuery.Builder query = HistoricalQuery.symbols(current.symbol()).start(current.start())
                .end(current.end() - 1) // Alpaca's end is inclusive, a slice's is not
                .sort("asc").limit(HistoricalQuery.MAX_LIMIT);
        if (settings.feed() != null) {
            query.feed(settings.feed());
        }
        currentStream = client.trades(query.build()).skip(current.emitted());
        trades = currentStream.iterator();
        return true;
    }

    private void closeCurrent() {
        currentStream.close();
        currentStream = null;
        trades = null;
        current = null;
    }

    @Override
    public void handleSplitsChanges(SplitsChange<HistorySplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("history slices are only added, got " + change);
        }
        splits.addAll(change.splits());
    }

    @Override
    public void wakeUp() {
        // fetch() never blocks waiting for data: it returns once a page is read
    }

    @Override
    public void close() {
        if (currentStream != null) {
            currentStream.close();
        }
        client.close();
    }
}
