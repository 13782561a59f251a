package io.jonbu.ohlcv.model.tape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SaleConditionRulesTest {

    @Test
    void tapePlanRulesApplyTheSaleConditionMatrix() {
        assertThat(SaleConditionRules.TAPE_PLAN.eligibility("C", new String[] {"@", "I"}))
                .isEqualTo(TradeEligibility.VOLUME_ONLY);
        assertThat(SaleConditionRules.TAPE_PLAN.eligibility("A", new String[] {"M"}))
                .isEqualTo(TradeEligibility.NONE);
    }

    @Test
    void allTradesRulesLetEveryPrintUpdateEverything() {
        for (String[] conditions : new String[][] {{"@", "I"}, {"W"}, {"M"}, {"T"}, {"9"}, {"$"}, {}}) {
            assertThat(SaleConditionRules.ALL_TRADES.eligibility("C", conditions)).isEqualTo(TradeEligibility.ALL);
            assertThat(SaleConditionRules.ALL_TRADES.eligibility(null, conditions)).isEqualTo(TradeEligibility.ALL);
        }
    }
}
