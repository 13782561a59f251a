package io.jonbu.ohlcv.source.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Alpaca's message shapes from {@code /work/shared/alpaca/fixtures}, copied into the test resources. */
final class Fixtures {
    private Fixtures() {}

    /** The frame of the session fixture that starts with {@code prefix}. */
    static String sessionFrame(String prefix) {
        return lines("stream-session.ndjson").stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Alpaca's exact error frame for {@code code}. */
    static String errorFrame(int code) {
        return lines("stream-errors.ndjson").stream().filter(l -> l.contains("\"code\":" + code + ","))
                .findFirst().orElseThrow();
    }

    private static List<String> lines(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/alpaca/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
