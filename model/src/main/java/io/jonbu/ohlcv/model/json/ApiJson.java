package io.jonbu.ohlcv.model.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON configuration of the public API (REST, WebSocket, Kafka values). */
public final class ApiJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ApiJson() {}

    /** Thread-safe once configured; shared rather than rebuilt per use. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
