package io.jonbu.ohlcv.model.tape;

/**
 * Which trades may make a candle: the consolidated-tape plans' rules, or every print.
 */
public enum SaleConditionRules {
    /**
     * The CTA and UTP sale-condition matrices ({@link SaleConditions}): odd lots, average-price
     * and extended-hours trades add volume but set no price, as in the consolidated statistics
     * and in Alpaca's regular-hours bars.
     */
    TAPE_PLAN {
        @Override
        public TradeEligibility eligibility(String tape, String[] conditions) {
            return SaleConditions.of(tape, conditions);
        }

        @Override
        public TradeEligibility extendedHoursIntraday(String tape, String[] conditions) {
            return SaleConditions.ofExtendedHoursIntraday(tape, conditions);
        }
    },
    /** Every trade updates everything: raw prints, for users who filter or study them themselves. */
    ALL_TRADES {
        @Override
        public TradeEligibility eligibility(String tape, String[] conditions) {
            return TradeEligibility.ALL;
        }

        @Override
        public TradeEligibility extendedHoursIntraday(String tape, String[] conditions) {
            return TradeEligibility.ALL;
        }
    };

    /** For daily candles, and intraday candles in regular hours. */
    public abstract TradeEligibility eligibility(String tape, String[] conditions);

    /** For intraday candles of a trade outside regular hours. */
    public abstract TradeEligibility extendedHoursIntraday(String tape, String[] conditions);
}
