package io.jonbu.ohlcv.model.tape;

/**
 * The consolidated-tape plan whose sale-condition rules govern a trade, chosen by the trade's tape.
 *
 * <p>CTA administers tapes A (NYSE-listed) and B (listed on NYSE Arca, NYSE American, Cboe and the
 * other exchanges) and disseminates their trades on CTS; the UTP Plan administers tape C
 * (Nasdaq-listed) and disseminates on UTDF. The two plans give some letters different meanings
 * ({@code B} is an average-price trade on CTS but a bunched trade on UTP; {@code E} is an automatic
 * execution on CTS but a placeholder on UTP), so a condition code means nothing without its plan.
 */
public enum TapePlan {
    CTA,
    UTP;

    /**
     * The plan of Alpaca's {@code z} field, or null when the tape is missing or not A, B or C. Null
     * rather than an Optional because this runs for every trade and must not allocate.
     */
    public static TapePlan ofTape(String tape) {
        if (tape == null || tape.length() != 1) {
            return null;
        }
        return switch (tape.charAt(0)) {
            case 'A', 'B' -> CTA;
            case 'C' -> UTP;
            default -> null;
        };
    }
}
