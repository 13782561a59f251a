package io.jonbu.ohlcv.source.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Alpaca's message shapes from {@code ../shared/alpaca/fixtures} (examples shaped like Alpaca's
 * documentation), copied into the test resources under {@code alpaca/} so a clean clone tests alone.
 * Public for the client's conformance tests.
 */
public final class Fixtures {
    private Fixtures() {}

    /** The frame of the session fixture that starts with {@code prefix}. */
    public static String sessionFrame(String prefix) {
        return lines("stream-session.ndjson").stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Alpaca's exact error frame for {@code code}. */
    public static String errorFrame(int code) {
        return lines("stream-errors.ndjson").stream().filter(l -> l.contains("\"code\":" + code + ","))
                .findFirst().orElseThrow();
    }

    /** The lines of an {@code .ndjson} fixture, one frame each. */
    public static List<String> lines(String name) {
        return text(name).lines().toList();
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/alpaca/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
