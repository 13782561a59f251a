-- Chart patterns the stream found in the final candles of a series: breakout, breakdown,
-- bullish_reversal, bearish_reversal, golden_cross, death_cross. [start_time, end_time) spans the
-- candles of the match; the values are those of its last candle, null where they do not apply or
-- the indicator has not warmed up. A replay after a failure finds the same matches again, and the
-- key, the candle that completed the pattern, makes the job insert nothing twice.
CREATE TABLE chart_patterns (
    symbol        text             NOT NULL,
    timeframe     text             NOT NULL CHECK (timeframe IN ('1m', '5m', '15m', '1h', '1d')),
    pattern       text             NOT NULL,
    start_time    timestamptz      NOT NULL,
    end_time      timestamptz      NOT NULL,
    -- the resistance or support broken, the peak or trough reversed from; null for the crosses
    level         double precision,
    close         double precision NOT NULL,
    volume        bigint           NOT NULL,
    volume_sma_20 double precision,
    sma_50        double precision,
    sma_200       double precision,
    detected_at   timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (symbol, timeframe, pattern, end_time)
);
