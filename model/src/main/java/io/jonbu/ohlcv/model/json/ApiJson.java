package io.jonbu.ohlcv.model.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON configuration of the public API (REST, WebSocket, Kafka values). */
public final class ApiJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a candle is mostly doubles: Java 17's Double.toString and parseDouble took most of the time
            // the API spent writing a year of history (BENCHMARKS.md, history queries); Jackson's
            // Schubfach writer and fast parser give the same shortest round-tripping digits, faster
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private ApiJson() {}

    /** Thread-safe once configured; shared rather than rebuilt per use. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
