package io.jonbu.ohlcv.source.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Bars from a saved response of Alpaca's historical bars endpoint (what {@code curl} of
 * {@code /v2/stocks/bars} or {@code /v2/stocks/{symbol}/bars} writes), for backfilling without a
 * connection or keys. One page per file; its {@code next_page_token} is not followed.
 */
public final class SavedBars {
    private SavedBars() {}

    /**
     * @param singleSymbol the symbol of a single-symbol response (its items name none); null when the
     *                     file is a multi-symbol response
     * @throws IOException naming the file when it is not such a response
     */
    public static List<AlpacaBar> read(Path file, String singleSymbol) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return PageParser.BARS.parse(in, singleSymbol).items();
        } catch (IOException e) {
            throw new IOException(file + ": not a response of Alpaca's bars endpoint: " + e.getMessage(), e);
        }
    }
}
