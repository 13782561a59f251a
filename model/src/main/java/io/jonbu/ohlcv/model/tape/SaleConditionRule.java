package io.jonbu.ohlcv.model.tape;

import java.util.Objects;

/**
 * One row of a plan's sale-condition matrix: which consolidated statistics a trade carrying this
 * condition may update.
 *
 * @param plan           the plan that defines the code
 * @param code           the single-character condition code as Alpaca sends it ({@code ' '} is CTS's
 *                       regular sale)
 * @param updatesHighLow may set the candle's high and low
 * @param updatesLast    may set the last sale, i.e. the candle's open (first) and close (last)
 * @param updatesVolume  counts towards volume (and so towards VWAP and the trade count)
 * @param description    the plan's name for the condition
 * @param source         the document the flags were taken from
 * @param resolution     empty when the plan says a plain yes or no for every flag; otherwise how a
 *                       conditional ("only if the first or only qualifying trade of the day") or
 *                       undefined ("TBD") entry of the plan was turned into a yes or no here
 */
public record SaleConditionRule(
        TapePlan plan,
        char code,
        boolean updatesHighLow,
        boolean updatesLast,
        boolean updatesVolume,
        String description,
        RuleSource source,
        String resolution) {

    public SaleConditionRule {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(resolution, "resolution");
    }

    public TradeEligibility eligibility() {
        return TradeEligibility.of(updatesHighLow, updatesLast, updatesVolume);
    }
}
