package io.jonbu.ohlcv.serving.candle;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes doubles that are a whole number of ten-thousandths, as prices are, in the digits the
 * generator's own writer picks (the shortest decimal that reads back as the double, in
 * {@code Double.toString}'s layout), without its general algorithm, which was a fifth of the time
 * spent serving history; any other double goes to the generator.
 *
 * <p>Why the digits agree: {@code n / 10^k} computed in doubles is the double nearest to that
 * decimal, so when it equals the value the decimal reads back as it; with the least such {@code k}
 * no decimal of fewer digits lies within 10^-k of it, while below 10^7 every double's rounding
 * interval is narrower than 10^-8.
 */
final class DecimalNumbers {
    private static final long[] SCALES = {1, 10, 100, 1_000, 10_000};
    /** Double.toString writes plain digits from 10^-3 up to 10^7, exponents outside. */
    private static final double PLAIN_FROM = 1e-3;
    private static final double PLAIN_BELOW = 1e7;

    private final char[] text = new char[24];

    void write(JsonGenerator json, double value) throws IOException {
        double magnitude = Math.abs(value);
        if (magnitude >= PLAIN_FROM && magnitude < PLAIN_BELOW) {
            for (int k = 0; k < SCALES.length; k++) {
                long n = Math.round(magnitude * SCALES[k]);
                if (n / (double) SCALES[k] == magnitude) {
                    json.writeNumber(text, 0, layout(value < 0, n, k));
                    return;
                }
            }
        }
        json.writeNumber(value);
    }

    /** {@code n / 10^k} as [-]integer.fraction, the fraction k digits (one zero when k is 0); returns the length. */
    private int layout(boolean negative, long n, int k) {
        long whole = n / SCALES[k];
        long fraction = n % SCALES[k];
        int at = 0;
        if (negative) {
            text[at++] = '-';
        }
        int wholeDigits = 1;
        for (long w = whole; w >= 10; w /= 10) {
            wholeDigits++;
        }
        for (int i = at + wholeDigits - 1; i >= at; i--) {
            text[i] = (char) ('0' + whole % 10);
            whole /= 10;
        }
        at += wholeDigits;
        text[at++] = '.';
        if (k == 0) {
            text[at++] = '0';
            return at;
        }
        for (int i = at + k - 1; i >= at; i--) {
            text[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return at + k;
    }
}
