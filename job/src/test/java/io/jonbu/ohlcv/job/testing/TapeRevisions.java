package io.jonbu.ohlcv.job.testing;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Corrections and cancels of given trades in tests, and the Alpaca messages ({@code c}, {@code x}) that carry them. */
public final class TapeRevisions {
    private TapeRevisions() {}

    public static TradeCorrection correction(Trade original, double price, long size, long newId, String... conditions) {
        return new TradeCorrection(original.symbol(), original.timestamp(), original.exchange(), original.tape(), original.id(),
                original.price(), original.size(), original.conditions(), newId, price, size, conditions);
    }

    public static TradeCancel cancel(Trade original) {
        return new TradeCancel(original.symbol(), original.timestamp(), original.exchange(), original.tape(), original.id(),
                original.price(), original.size(), TradeCancel.CANCEL);
    }

    /** A one-message frame, {@code [{"T":"c",...}]}. */
    public static String message(TradeCorrection c) {
        return "[{\"T\":\"c\",\"S\":\"" + c.symbol() + "\",\"x\":\"" + c.exchange() + "\",\"oi\":" + c.originalId()
                + ",\"op\":" + c.originalPrice() + ",\"os\":" + c.originalSize() + ",\"oc\":" + strings(c.originalConditions())
                + ",\"ci\":" + c.correctedId() + ",\"cp\":" + c.correctedPrice() + ",\"cs\":" + c.correctedSize()
                + ",\"cc\":" + strings(c.correctedConditions()) + ",\"z\":\"" + c.tape() + "\",\"t\":\"" + EpochNanos.format(c.timestamp()) + "\"}]";
    }

    /** A one-message frame, {@code [{"T":"x",...}]}. */
    public static String message(TradeCancel x) {
        return "[{\"T\":\"x\",\"S\":\"" + x.symbol() + "\",\"i\":" + x.id() + ",\"x\":\"" + x.exchange() + "\",\"p\":" + x.price()
                + ",\"s\":" + x.size() + ",\"a\":\"" + x.action() + "\",\"z\":\"" + x.tape() + "\",\"t\":\"" + EpochNanos.format(x.timestamp()) + "\"}]";
    }

    private static String strings(String[] values) {
        return Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
