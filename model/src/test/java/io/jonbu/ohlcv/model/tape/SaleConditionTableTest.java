package io.jonbu.ohlcv.model.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SaleConditionTableTest {

    /** The trade conditions Alpaca documents for tapes A and B (CTS), Space being the regular sale. */
    private static final String ALPACA_CTS_CODES = " BCEFHIKLMNOPQRTUVXZ456789";
    /** The trade conditions Alpaca documents for tape C (UTDF). */
    private static final String ALPACA_UTDF_CODES = "@ABCDEFGHIKLMNOPQRSTUVWXYZ1456789";

    static Stream<SaleConditionRule> rows() {
        return SaleConditionTable.rows().stream();
    }

    private static String tapeOf(TapePlan plan) {
        return plan == TapePlan.CTA ? "A" : "C";
    }

    @Test
    void everyCodeAlpacaDocumentsForEachPlanHasARow() {
        assertThat(codes(TapePlan.CTA)).containsAll(chars(ALPACA_CTS_CODES));
        assertThat(codes(TapePlan.UTP)).containsAll(chars(ALPACA_UTDF_CODES));
    }

    @Test
    void eachPlanAndCodeHasExactlyOneRow() {
        Set<String> seen = new HashSet<>();
        for (SaleConditionRule rule : SaleConditionTable.rows()) {
            assertThat(seen.add(rule.plan() + ":" + rule.code())).as("%s %s", rule.plan(), rule.code()).isTrue();
        }
        assertThat(SaleConditionTable.rows()).hasSize(ALPACA_CTS_CODES.length() + 1 + ALPACA_UTDF_CODES.length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowNamesItsConditionAndCitesItsSource(SaleConditionRule rule) {
        assertThat(rule.description()).isNotBlank();
        assertThat(rule.source().citation()).isNotBlank();
        if (rule.source() != RuleSource.ALPACA_REGULAR_SALE_ALIAS) {
            assertThat(rule.source()).isEqualTo(rule.plan() == TapePlan.CTA
                    ? RuleSource.CTS_SALE_CONDITION_MATRIX
                    : RuleSource.UTP_SALE_CONDITION_MATRIX);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aTradeWithOnlyThisConditionGetsTheRowsFlags(SaleConditionRule rule) {
        TradeEligibility expected = new TradeEligibility(rule.updatesHighLow(), rule.updatesLast(), rule.updatesVolume());
        assertThat(SaleConditions.of(tapeOf(rule.plan()), new String[] {String.valueOf(rule.code())}))
                .isEqualTo(expected);
        if (rule.plan() == TapePlan.CTA) {
            assertThat(SaleConditions.of("B", new String[] {String.valueOf(rule.code())})).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aRowThatSetsAPriceEitherCountsVolumeOrIsTheCorrectedClose(SaleConditionRule rule) {
        // Only the corrected consolidated close moves prices without shares: the plans count the
        // shares once, on the trade it corrects. Any other such row would be a transcription slip.
        if ((rule.updatesHighLow() || rule.updatesLast()) && !rule.updatesVolume()) {
            assertThat(rule.code()).isEqualTo('9');
        }
    }

    @Test
    void onlyConditionalOrUndefinedPlanEntriesCarryAResolution() {
        List<String> resolved = SaleConditionTable.rows().stream()
                .filter(r -> !r.resolution().isEmpty())
                .map(r -> r.plan() + ":" + r.code())
                .toList();
        assertThat(resolved).containsExactlyInAnyOrder(
                "CTA:@", "CTA:L", "CTA:N", "CTA:P", "CTA:Z", "CTA:4", "CTA:8",
                "UTP:E", "UTP:G", "UTP:L", "UTP:N", "UTP:P", "UTP:Z", "UTP:4", "UTP:8");
    }

    private static Set<Character> codes(TapePlan plan) {
        return SaleConditionTable.rows().stream()
                .filter(r -> r.plan() == plan)
                .map(SaleConditionRule::code)
                .collect(Collectors.toSet());
    }

    private static List<Character> chars(String codes) {
        return codes.chars().mapToObj(c -> (char) c).toList();
    }
}
