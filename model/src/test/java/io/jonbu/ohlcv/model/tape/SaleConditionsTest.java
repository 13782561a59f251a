package io.jonbu.ohlcv.model.tape;

import static io.jonbu.ohlcv.model.tape.TradeEligibility.ALL;
import static io.jonbu.ohlcv.model.tape.TradeEligibility.NONE;
import static io.jonbu.ohlcv.model.tape.TradeEligibility.VOLUME_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class SaleConditionsTest {

    /** High/low and volume but not open/close: late or derivatively priced prints. */
    private static final TradeEligibility HIGH_LOW_AND_VOLUME = new TradeEligibility(true, false, true);

    private static TradeEligibility on(String tape, String... conditions) {
        return SaleConditions.of(tape, conditions);
    }

    @Test
    void regularSaleUpdatesEverythingOnEveryTape() {
        assertThat(on("C", "@")).isEqualTo(ALL);
        assertThat(on("A", " ")).isEqualTo(ALL);
        assertThat(on("B", " ")).isEqualTo(ALL);
        assertThat(on("A", "@")).isEqualTo(ALL);
    }

    @Test
    void intermarketSweepIsARegularPrice() {
        assertThat(on("A", " ", "F")).isEqualTo(ALL);
        assertThat(on("C", "@", "F")).isEqualTo(ALL);
    }

    @Test
    void oddLotCountsVolumeButSetsNoPrice() {
        assertThat(on("C", "@", "I")).isEqualTo(VOLUME_ONLY);
        assertThat(on("A", " ", "I")).isEqualTo(VOLUME_ONLY);
        assertThat(on("C", "I")).isEqualTo(VOLUME_ONLY);
    }

    @Test
    void averagePriceTradeIsVolumeOnlyUnderEachPlansOwnCode() {
        assertThat(on("C", "@", "W")).isEqualTo(VOLUME_ONLY);
        assertThat(on("A", "B")).isEqualTo(VOLUME_ONLY);
    }

    @Test
    void theSameLetterMeansDifferentThingsOnTapeAAndTapeC() {
        // B: average price on CTS, bunched (a regular trade) on UTP
        assertThat(on("A", "B")).isEqualTo(VOLUME_ONLY);
        assertThat(on("C", "B")).isEqualTo(ALL);
        // E: automatic execution on CTS, an undefined placeholder on UTP
        assertThat(on("A", "E")).isEqualTo(ALL);
        assertThat(on("C", "E")).isEqualTo(VOLUME_ONLY);
        // W, D, S, Y, 1, G, A are UTP-only codes: unknown, so volume only, on CTS
        assertThat(on("B", "W")).isEqualTo(VOLUME_ONLY);
        assertThat(on("A", "Y")).isEqualTo(VOLUME_ONLY);
        assertThat(on("C", "Y")).isEqualTo(ALL);
    }

    @Test
    void outOfSequenceTradeSetsHighLowButNotOpenOrClose() {
        assertThat(on("A", " ", "Z")).isEqualTo(HIGH_LOW_AND_VOLUME);
        assertThat(on("C", "@", "Z")).isEqualTo(HIGH_LOW_AND_VOLUME);
    }

    @Test
    void extendedHoursTradesCountVolumeOnly() {
        assertThat(on("C", "@", "T")).isEqualTo(VOLUME_ONLY);
        assertThat(on("A", " ", "T")).isEqualTo(VOLUME_ONLY);
        assertThat(on("C", "@", "U")).isEqualTo(VOLUME_ONLY);
        assertThat(on("A", "U")).isEqualTo(VOLUME_ONLY);
    }

    @Test
    void derivativelyPricedTradeSetsHighLowButNotOpenOrClose() {
        assertThat(on("C", "@", "4")).isEqualTo(HIGH_LOW_AND_VOLUME);
        assertThat(on("A", "4")).isEqualTo(HIGH_LOW_AND_VOLUME);
    }

    @Test
    void specialSettlementTradesCountVolumeOnly() {
        for (String settlement : new String[] {"C", "N", "R"}) {
            assertThat(on("C", settlement)).as("tape C %s", settlement).isEqualTo(VOLUME_ONLY);
            assertThat(on("A", settlement)).as("tape A %s", settlement).isEqualTo(VOLUME_ONLY);
        }
    }

    @Test
    void priorReferencePriceSetsHighLowButNotOpenOrClose() {
        assertThat(on("C", "@", "P")).isEqualTo(HIGH_LOW_AND_VOLUME);
        assertThat(on("A", "P")).isEqualTo(HIGH_LOW_AND_VOLUME);
    }

    @Test
    void soldLastPrintsInSequenceAndUpdatesEverything() {
        assertThat(on("C", "@", "L")).isEqualTo(ALL);
        assertThat(on("A", "L")).isEqualTo(ALL);
    }

    @Test
    void openingReopeningAndClosingCrossPrintsUpdateEverything() {
        for (String auction : new String[] {"O", "5", "6", "X"}) {
            assertThat(on("C", "@", auction)).as("tape C %s", auction).isEqualTo(ALL);
            assertThat(on("A", auction)).as("tape A %s", auction).isEqualTo(ALL);
        }
    }

    @Test
    void officialOpenAndCloseAreInformationalAndUpdateNothing() {
        for (String official : new String[] {"M", "Q"}) {
            assertThat(on("C", official)).as("tape C %s", official).isEqualTo(NONE);
            assertThat(on("A", official)).as("tape A %s", official).isEqualTo(NONE);
        }
    }

    @Test
    void correctedConsolidatedCloseMovesPricesButAddsNoShares() {
        TradeEligibility pricesOnly = new TradeEligibility(true, true, false);
        assertThat(on("A", "9")).isEqualTo(pricesOnly);
        assertThat(on("C", "9")).isEqualTo(pricesOnly);
    }

    @Test
    void contingentTradesCountVolumeOnly() {
        assertThat(on("C", "@", "V")).isEqualTo(VOLUME_ONLY);
        assertThat(on("A", "7")).isEqualTo(VOLUME_ONLY);
    }

    @Test
    void theMostRestrictiveConditionWins() {
        // an out-of-sequence odd lot: Z allows high/low, I does not
        assertThat(on("C", "@", "I", "Z")).isEqualTo(VOLUME_ONLY);
        // an extended-hours sweep
        assertThat(on("A", " ", "F", "T")).isEqualTo(VOLUME_ONLY);
        // a prior-reference-price sweep keeps P's restriction
        assertThat(on("C", "@", "F", "P")).isEqualTo(HIGH_LOW_AND_VOLUME);
        // a corrected close on an odd lot: 9 takes volume, I takes prices
        assertThat(on("A", "I", "9")).isEqualTo(NONE);
    }

    @Test
    void conditionOrderDoesNotMatter() {
        assertThat(on("C", "I", "@")).isEqualTo(on("C", "@", "I"));
        assertThat(on("A", "Z", " ")).isEqualTo(on("A", " ", "Z"));
    }

    @Test
    void aTradeWithoutConditionsIsARegularSale() {
        assertThat(on("C")).isEqualTo(ALL);
        assertThat(SaleConditions.of("C", null)).isEqualTo(ALL);
        assertThat(on("A", "", "  ")).isEqualTo(ALL);
        assertThat(on("C", (String) null)).isEqualTo(ALL);
    }

    @Test
    void unknownCodesCountVolumeButSetNoPrice() {
        assertThat(on("C", "$")).isEqualTo(VOLUME_ONLY);
        assertThat(on("C", "@", "J")).isEqualTo(VOLUME_ONLY);
        assertThat(on("A", " ", "2")).isEqualTo(VOLUME_ONLY);
        assertThat(on("C", "@", "é")).isEqualTo(VOLUME_ONLY);
        assertThat(on("C", "@F")).as("more than one character").isEqualTo(VOLUME_ONLY);
        // an unknown code cannot restore what a known one took away
        assertThat(on("C", "M", "$")).isEqualTo(NONE);
    }

    @Test
    void lowerCaseCodesAreUnknown() {
        assertThat(on("C", "i")).isEqualTo(VOLUME_ONLY);
        assertThat(on("A", "f")).isEqualTo(VOLUME_ONLY);
    }

    @Test
    void unknownTapeGetsOnlyWhatBothPlansAllow() {
        for (String tape : new String[] {null, "", "D", "c", "AB"}) {
            assertThat(on(tape, "@")).as("tape %s @", tape).isEqualTo(ALL);
            assertThat(on(tape, " ")).as("tape %s Space", tape).isEqualTo(ALL);
            assertThat(on(tape, "B")).as("tape %s B", tape).isEqualTo(VOLUME_ONLY);
            assertThat(on(tape, "E")).as("tape %s E", tape).isEqualTo(VOLUME_ONLY);
            assertThat(on(tape, "F")).as("tape %s F", tape).isEqualTo(ALL);
            assertThat(on(tape, "I")).as("tape %s I", tape).isEqualTo(VOLUME_ONLY);
            assertThat(on(tape, "Z")).as("tape %s Z", tape).isEqualTo(HIGH_LOW_AND_VOLUME);
        }
    }

    @Test
    void commonCasesReturnTheSharedInstances() {
        assertThat(on("C", "@")).isSameAs(ALL);
        assertThat(on("C", "@", "I")).isSameAs(VOLUME_ONLY);
        assertThat(on("A", " ")).isSameAs(ALL);
        assertThat(TradeEligibility.of(true, false, true)).isSameAs(on("A", "Z"));
    }

    @Test
    void classifyingTradesDoesNotAllocate() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        var hotspot = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled());
        String[] regular = {"@"};
        String[] oddLot = {"@", "I"};
        String[] nyse = {" ", "F", "T"};
        long id = Thread.currentThread().getId();
        int volumeTrades = 0;
        for (int i = 0; i < 10_000; i++) { // warm up class loading and the counter itself
            volumeTrades += SaleConditions.of("C", oddLot).updatesVolume() ? 1 : 0;
        }
        long before = hotspot.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            volumeTrades += SaleConditions.of("C", regular).updatesVolume() ? 1 : 0;
            volumeTrades += SaleConditions.of("C", oddLot).updatesVolume() ? 1 : 0;
            volumeTrades += SaleConditions.of("A", nyse).updatesVolume() ? 1 : 0;
        }
        long allocated = hotspot.getThreadAllocatedBytes(id) - before;
        assertThat(volumeTrades).isEqualTo(310_000);
        // a single allocation per call would be 300,000 objects, several megabytes
        assertThat(allocated).isLessThan(16 * 1024);
    }

    @Test
    void formTSetsPricesOfExtendedHoursIntradayCandlesUnlessAnotherConditionForbids() {
        String[] formT = {"@", "T"};
        assertThat(SaleConditions.of("C", formT)).isEqualTo(TradeEligibility.VOLUME_ONLY);
        assertThat(SaleConditions.ofExtendedHoursIntraday("C", formT)).isEqualTo(TradeEligibility.ALL);
        assertThat(SaleConditions.ofExtendedHoursIntraday("A", new String[] {" ", "T"})).isEqualTo(TradeEligibility.ALL);
        assertThat(SaleConditions.ofExtendedHoursIntraday("C", new String[] {"@", "T", "I"})).as("an odd lot still sets no price")
                .isEqualTo(TradeEligibility.VOLUME_ONLY);
        assertThat(SaleConditions.ofExtendedHoursIntraday("C", new String[] {"@", "U"})).as("out of sequence is not Form T")
                .isEqualTo(SaleConditions.of("C", new String[] {"@", "U"}));
    }
}
