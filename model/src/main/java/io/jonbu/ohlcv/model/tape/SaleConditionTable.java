package io.jonbu.ohlcv.model.tape;

import static io.jonbu.ohlcv.model.tape.RuleSource.ALPACA_REGULAR_SALE_ALIAS;
import static io.jonbu.ohlcv.model.tape.RuleSource.CTS_SALE_CONDITION_MATRIX;
import static io.jonbu.ohlcv.model.tape.RuleSource.UTP_SALE_CONDITION_MATRIX;

import java.util.List;

/**
 * The consolidated-tape sale-condition matrices of both plans as data: one row per plan and code,
 * the flags copied from the plan's CONSOLIDATED columns (the statistics of the whole tape, which is
 * what a candle built from every exchange's trades is), not from the market-center columns.
 *
 * <p>Where the plan's answer is neither yes nor no the row resolves it, and says how:
 * <ul>
 *   <li>"Yes only if it is the first or only qualifying trade of the day" (CTS note 2, UTP
 *       footnote 1: prior-reference-price, out-of-sequence, derivatively priced and bunched sold
 *       trades) becomes no. These prints carry a price from earlier in the day; a candle builder
 *       keeps no day-wide state to know whether the trade is the day's first, and the high/low
 *       flag, which the plans do grant, already lets the price count.
 *   <li>Sold Last ({@code L}) becomes yes: it prints in sequence, only late, and the plans' extra
 *       conditions (CTS note 3: same participant or listing market; UTP footnote 2: received
 *       before 16:00:10) are about the official last sale of the day, not about a candle.
 *   <li>"TBD" (reserved and placeholder codes) is treated like an unknown code: volume only, see
 *       {@link SaleConditions}.
 * </ul>
 *
 * <p>Odd lots ({@code I}) count as volume but set no price. That has been the rule since odd-lot
 * trades began to be reported to the tapes in December 2013, and is the rule in the current
 * editions of both matrices; the SEC's later round-lot redefinition changes which trades carry
 * {@code I}, not this row.
 *
 * <p>Both matrices describe the daily consolidated statistics. In particular Form T and the other
 * extended-hours conditions set no price, so under these rules a pre-market or after-hours candle
 * has volume but no prices; Alpaca and Polygon deviate here for their own intraday bars.
 */
public final class SaleConditionTable {

    private static final boolean Y = true;
    private static final boolean N = false;

    private static final String FIRST_OR_ONLY =
            "plan: last only if the first or only qualifying trade of the day; resolved to no";
    private static final String SOLD_LAST_CTS =
            "plan (CTS note 3): last if the only qualifying last, or from the participant that set the"
                    + " last, or from the listing market; resolved to yes (prints in sequence)";
    private static final String SOLD_LAST_UTP =
            "plan (UTP footnote 2): last if received before the End of Last Sale Eligibility message"
                    + " (16:00:10 ET); resolved to yes (prints in sequence)";
    private static final String TBD = "plan: TBD; resolved like an unknown code (volume only)";
    private static final String NEXT_DAY_RESERVED =
            "now Reserved with volume TBD; formerly Next Day (volume only), which Alpaca still documents;"
                    + " volume only either way";
    private static final String ALIAS = "same flags as Space (Regular Sale)";

    private static final List<SaleConditionRule> ROWS = List.of(
            // CTA, tapes A and B: CTS Pillar Output Specification, Sale Condition table.
            // The four characters of a CTS sale condition are four categories; Space means
            // "nothing in this category", so a trade of four Spaces is a regular sale.
            cta(' ', Y, Y, Y, "Regular Sale"),
            row(TapePlan.CTA, '@', Y, Y, Y, "Regular Sale (alias)", ALPACA_REGULAR_SALE_ALIAS, ALIAS),
            cta('B', N, N, Y, "Average Price Trade"),
            cta('C', N, N, Y, "Cash Trade (Same Day Clearing)"),
            cta('E', Y, Y, Y, "Automatic Execution"),
            cta('F', Y, Y, Y, "Intermarket Sweep Order"),
            cta('H', N, N, Y, "Price Variation Trade"),
            cta('I', N, N, Y, "Odd Lot Trade"),
            cta('K', Y, Y, Y, "Rule 127 (NYSE only) or Rule 155 (NYSE American only)"),
            cta('L', Y, Y, Y, "Sold Last (Late Reporting)", SOLD_LAST_CTS),
            // Official open and close are a market center's own statistics, repeated as a print:
            // they update neither the consolidated prices nor the volume (the shares already traded).
            cta('M', N, N, N, "Market Center Official Close"),
            cta('N', N, N, Y, "Reserved (formerly Next Day Trade)", NEXT_DAY_RESERVED),
            cta('O', Y, Y, Y, "Market Center Opening Trade"),
            cta('P', Y, N, Y, "Prior Reference Price", FIRST_OR_ONLY),
            cta('Q', N, N, N, "Market Center Official Open"),
            cta('R', N, N, Y, "Seller"),
            cta('T', N, N, Y, "Extended Hours Trade (Form T)"),
            cta('U', N, N, Y, "Extended Hours Sold (Out of Sequence)"),
            cta('V', N, N, Y, "Contingent Trade"),
            cta('X', Y, Y, Y, "Cross / Periodic Auction Trade"),
            cta('Z', Y, N, Y, "Sold (Out of Sequence)", FIRST_OR_ONLY),
            cta('4', Y, N, Y, "Derivatively Priced", FIRST_OR_ONLY),
            cta('5', Y, Y, Y, "Market Center Reopening Trade"),
            cta('6', Y, Y, Y, "Market Center Closing Trade"),
            cta('7', N, N, Y, "Qualified Contingent Trade"),
            cta('8', N, N, Y, "Reserved", TBD),
            // Sets the consolidated high, low and last; volume is always zero because the shares
            // were counted by the closing trade it corrects.
            cta('9', Y, Y, N, "Corrected Consolidated Close Price as per Listing Market"),

            // UTP, tape C: UTP Binary Output Specification (UTDF), UTP Sale Condition Matrix.
            utp('@', Y, Y, Y, "Regular Sale"),
            utp('A', Y, Y, Y, "Acquisition"),
            utp('B', Y, Y, Y, "Bunched Trade"),
            utp('C', N, N, Y, "Cash Sale"),
            utp('D', Y, Y, Y, "Distribution"),
            utp('E', N, N, Y, "Placeholder", TBD),
            utp('F', Y, Y, Y, "Intermarket Sweep"),
            utp('G', Y, N, Y, "Bunched Sold Trade", FIRST_OR_ONLY),
            utp('H', N, N, Y, "Price Variation Trade"),
            utp('I', N, N, Y, "Odd Lot Trade"),
            utp('K', Y, Y, Y, "Rule 155 Trade (AMEX)"),
            utp('L', Y, Y, Y, "Sold Last", SOLD_LAST_UTP),
            utp('M', N, N, N, "Market Center Official Close"),
            utp('N', N, N, Y, "Reserved (formerly Next Day)", NEXT_DAY_RESERVED),
            utp('O', Y, Y, Y, "Opening Prints"),
            utp('P', Y, N, Y, "Prior Reference Price", FIRST_OR_ONLY),
            utp('Q', N, N, N, "Market Center Official Open"),
            utp('R', N, N, Y, "Seller"),
            utp('S', Y, Y, Y, "Split Trade"),
            utp('T', N, N, Y, "Form T (Extended Hours Trade)"),
            utp('U', N, N, Y, "Extended Trading Hours (Sold Out of Sequence)"),
            utp('V', N, N, Y, "Contingent Trade"),
            utp('W', N, N, Y, "Average Price Trade"),
            utp('X', Y, Y, Y, "Cross / Periodic Auction Trade"),
            utp('Y', Y, Y, Y, "Yellow Flag Regular Trade"),
            utp('Z', Y, N, Y, "Sold (Out of Sequence)", FIRST_OR_ONLY),
            utp('1', Y, Y, Y, "Stopped Stock (Regular Trade)"),
            utp('4', Y, N, Y, "Derivatively Priced", FIRST_OR_ONLY),
            utp('5', Y, Y, Y, "Re-Opening Prints"),
            utp('6', Y, Y, Y, "Closing Prints"),
            utp('7', N, N, Y, "Qualified Contingent Trade (QCT)"),
            utp('8', N, N, Y, "Placeholder for 611 Exempt", TBD),
            utp('9', Y, Y, N, "Corrected Consolidated Close (per listing market)"));

    private SaleConditionTable() {}

    /** Every row, CTA first, in the plans' order. */
    public static List<SaleConditionRule> rows() {
        return ROWS;
    }

    private static SaleConditionRule cta(char code, boolean highLow, boolean last, boolean volume, String description) {
        return cta(code, highLow, last, volume, description, "");
    }

    private static SaleConditionRule cta(
            char code, boolean highLow, boolean last, boolean volume, String description, String resolution) {
        return row(TapePlan.CTA, code, highLow, last, volume, description, CTS_SALE_CONDITION_MATRIX, resolution);
    }

    private static SaleConditionRule utp(char code, boolean highLow, boolean last, boolean volume, String description) {
        return utp(code, highLow, last, volume, description, "");
    }

    private static SaleConditionRule utp(
            char code, boolean highLow, boolean last, boolean volume, String description, String resolution) {
        return row(TapePlan.UTP, code, highLow, last, volume, description, UTP_SALE_CONDITION_MATRIX, resolution);
    }

    private static SaleConditionRule row(TapePlan plan, char code, boolean highLow, boolean last, boolean volume,
            String description, RuleSource source, String resolution) {
        return new SaleConditionRule(plan, code, highLow, last, volume, description, source, resolution);
    }
}
