package io.jonbu.ohlcv.source.rest;

import io.jonbu.ohlcv.model.EpochNanos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to fetch from Alpaca's historical stock endpoints. One symbol uses {@code /v2/stocks/{symbol}/..},
 * several use {@code /v2/stocks/..?symbols=}. Null (or 0 for limit) leaves a parameter to Alpaca's default.
 *
 * @param symbols    tickers, at least one
 * @param start      inclusive, epoch nanoseconds UTC
 * @param end        inclusive, epoch nanoseconds UTC
 * @param limit      items per page, 1..10000; 0 = Alpaca's default (1000)
 * @param feed       {@code sip}, {@code iex}, {@code otc} or {@code boats}
 * @param sort       {@code asc} or {@code desc}
 * @param timeframe  bars only: {@code 1Min}, {@code 5Min}, {@code 1Hour}, {@code 1Day}, ...
 * @param adjustment bars only: {@code raw}, {@code split}, {@code dividend} or {@code all}
 * @param asof       the date ({@code 2024-03-08}) whose symbol names apply, across renames
 */
public record HistoricalQuery(
        List<String> symbols,
        Long start,
        Long end,
        int limit,
        String feed,
        String sort,
        String timeframe,
        String adjustment,
        String asof) {

    public static final int MAX_LIMIT = 10_000;
    private static final Set<String> SORTS = Set.of("asc", "desc");

    public HistoricalQuery {
        if (symbols == null || symbols.isEmpty() || symbols.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("symbols must be non-empty tickers, was " + symbols);
        }
        symbols = List.copyOf(symbols);
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " (0 = Alpaca's default), was " + limit);
        }
        if (sort != null && !SORTS.contains(sort)) {
            throw new IllegalArgumentException("sort must be asc or desc, was " + sort);
        }
        if (start != null && end != null && start > end) {
            throw new IllegalArgumentException("start must not be after end");
        }
    }

    public static Builder symbols(String... symbols) {
        return new Builder(List.of(symbols));
    }

    public static Builder symbols(List<String> symbols) {
        return new Builder(symbols);
    }

    /** The query parameters, page token excepted; the symbols too when there are several. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (symbols.size() > 1) {
            p.put("symbols", String.join(",", symbols));
        }
        if (start != null) {
            p.put("start", EpochNanos.format(start));
        }
        if (end != null) {
            p.put("end", EpochNanos.format(end));
        }
        if (limit > 0) {
            p.put("limit", Integer.toString(limit));
        }
        putIfSet(p, "feed", feed);
        putIfSet(p, "sort", sort);
        putIfSet(p, "timeframe", timeframe);
        putIfSet(p, "adjustment", adjustment);
        putIfSet(p, "asof", asof);
        return p;
    }

    private static void putIfSet(Map<String, String> p, String name, String value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    /** Everything but the symbols optional; {@link #build()} validates. */
    public static final class Builder {
        private final List<String> symbols;
        private Long start;
        private Long end;
        private int limit;
        private String feed;
        private String sort;
        private String timeframe;
        private String adjustment;
        private String asof;

        private Builder(List<String> symbols) {
            this.symbols = symbols;
        }

        public Builder start(long epochNanos) {
            this.start = epochNanos;
            return this;
        }

        public Builder end(long epochNanos) {
            this.end = epochNanos;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder feed(String feed) {
            this.feed = feed;
            return this;
        }

        public Builder sort(String sort) {
            this.sort = sort;
            return this;
        }

        public Builder timeframe(String timeframe) {
            this.timeframe = timeframe;
            return this;
        }

        public Builder adjustment(String adjustment) {
            this.adjustment = adjustment;
            return this;
        }

        public Builder asof(String asof) {
            this.asof = asof;
            return this;
        }

        public HistoricalQuery build() {
            return new HistoricalQuery(symbols, start, end, limit, feed, sort, timeframe, adjustment, asof);
        }
    }
}
