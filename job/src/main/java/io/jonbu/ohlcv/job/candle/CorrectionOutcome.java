package io.jonbu.ohlcv.job.candle;

import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;

/**
 * What became of one correction or cancel: applied to the candles (which were re-emitted as
 * revisions where they had been emitted before), or not, and why. Every one is reported, applied
 * or not, so the tape's revisions can be audited and none is lost.
 *
 * @param correction the correction, or null for a cancel
 * @param cancel     the cancel, or null for a correction
 * @param applied    whether the candles now reflect it
 * @param reason     why it was not applied, or a note on how it was (null when there is nothing to say)
 */
public record CorrectionOutcome(TradeCorrection correction, TradeCancel cancel, boolean applied, String reason) {
    public static final String UNKNOWN_TRADE = "unknown trade: no retained print has this id on this exchange";
    public static final String BEYOND_HORIZON = "beyond the correction horizon: the print is no longer retained";
    public static final String RETENTION_OFF = "correction horizon is 0: no prints are retained";
    /** Found by comparing the retained prints with the tape re-read after a gap in the stream. */
    public static final String RECONCILED = "reconciled with the tape re-read after a gap in the stream";

    public String symbol() {
        return correction != null ? correction.symbol() : cancel.symbol();
    }

    /** The corrected or cancelled trade's event time. */
    public long tradeTime() {
        return correction != null ? correction.timestamp() : cancel.timestamp();
    }

    /** {@code correction}, {@code cancel} or {@code error}. */
    public String kind() {
        if (correction != null) {
            return "correction";
        }
        return TradeCancel.ERROR.equals(cancel.action()) ? "error" : "cancel";
    }
}
