package io.jonbu.ohlcv.model.tape;

import java.util.Arrays;

/**
 * Classifies a trade by its sale conditions under its tape's plan ({@link SaleConditionTable}).
 *
 * <p><b>Several conditions</b>: a flag is set only if every condition on the trade allows it, so
 * the most restrictive condition wins ({@code ["@","I"]}, a regular-way odd lot, is volume only).
 * Nasdaq states the rule for its four-level sale condition modifier, the same four categories
 * (settlement, trade-through exemption, extended hours or sold, SRO trade detail) that UTDF uses:
 * "A trade should only be applied to the high, low, last sale, and volume calculations if all four
 * sales condition modifiers so allow" (https://help.data.nasdaq.com/article/738-what-does-last-sale-mean).
 * CTS has the same four-category field, one condition per category, and is read the same way; so
 * do Alpaca's own bars, whose published exclusion lists drop a trade if any of its codes is listed
 * (https://alpaca.markets/learn/stock-minute-bars).
 *
 * <p><b>No conditions</b> (an empty array, or only blank codes): a regular sale. Both plans define a
 * trade "without stated conditions" as regular way, and CTS sends Space for "nothing in this
 * category".
 *
 * <p><b>Unknown codes</b> (not in the trade's plan, longer than one character, or a plan's TBD):
 * volume only. Regular trades always carry a known code, so an unknown one marks a special trade;
 * counting its shares keeps volume close to the consolidated volume, while keeping its price out
 * avoids a stray print becoming a candle's high, low or close. Treating it as regular would let a
 * new, price-ineligible condition (the plans add them) corrupt every candle it lands in.
 *
 * <p><b>Unknown tape</b> (missing, or not A, B or C): a code gets only the flags that both plans
 * give it, so {@code B} (bunched on UTP, average price on CTS) is volume only.
 *
 * <p>Allocation-free: each code is looked up in a per-plan array of precomputed masks and the
 * result is one of the eight shared {@link TradeEligibility} values.
 */
public final class SaleConditions {

    /** Masks indexed by code; only ASCII codes are defined, anything else is unknown. */
    private static final int CODES = 128;
    private static final int UNKNOWN = TradeEligibility.VOLUME;
    /** Form T: an extended-hours trade, the same code in both plans. */
    private static final String FORM_T = "T";

    private static final byte[] CTA_MASKS = masks(TapePlan.CTA);
    private static final byte[] UTP_MASKS = masks(TapePlan.UTP);
    private static final byte[] ANY_PLAN_MASKS = intersection(CTA_MASKS, UTP_MASKS);

    private SaleConditions() {}

    /** The eligibility of a trade on {@code tape} (Alpaca's {@code z}) with {@code conditions} ({@code c}). */
    public static TradeEligibility of(String tape, String[] conditions) {
        return of(tape, conditions, false);
    }

    /**
     * The eligibility of an extended-hours trade for an intraday candle: Form T ({@code T}, which
     * marks nearly every trade outside 09:30-16:00) does not keep its price out, while every other
     * condition still counts. The plans' matrices describe the day's statistics and regular hours;
     * pre-market and after-hours minute bars take their prices from Form T trades (as Massive's, and
     * Alpaca's minute bars that exist outside regular hours, do), or there would be none.
     */
    public static TradeEligibility ofExtendedHoursIntraday(String tape, String[] conditions) {
        return of(tape, conditions, true);
    }

    private static TradeEligibility of(String tape, String[] conditions, boolean formTSetsPrices) {
        if (conditions == null) {
            return TradeEligibility.ALL;
        }
        byte[] masks = masksFor(TapePlan.ofTape(tape));
        int mask = TradeEligibility.ALL_BITS;
        for (String condition : conditions) {
            if (!(formTSetsPrices && FORM_T.equals(condition))) {
                mask &= maskOf(masks, condition);
            }
        }
        return TradeEligibility.ofMask(mask);
    }

    private static int maskOf(byte[] masks, String condition) {
        if (condition == null || condition.isBlank()) {
            return TradeEligibility.ALL_BITS;
        }
        if (condition.length() != 1) {
            return UNKNOWN;
        }
        char code = condition.charAt(0);
        return code < CODES ? masks[code] : UNKNOWN;
    }

    private static byte[] masksFor(TapePlan plan) {
        if (plan == null) {
            return ANY_PLAN_MASKS;
        }
        return plan == TapePlan.CTA ? CTA_MASKS : UTP_MASKS;
    }

    private static byte[] masks(TapePlan plan) {
        byte[] masks = new byte[CODES];
        Arrays.fill(masks, (byte) UNKNOWN);
        for (SaleConditionRule rule : SaleConditionTable.rows()) {
            if (rule.plan() == plan) {
                masks[rule.code()] = (byte) rule.eligibility().mask();
            }
        }
        return masks;
    }

    private static byte[] intersection(byte[] a, byte[] b) {
        byte[] masks = new byte[CODES];
        for (int code = 0; code < CODES; code++) {
            masks[code] = (byte) (a[code] & b[code]);
        }
        return masks;
    }
}
