package io.jonbu.ohlcv.model.enriched;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The market regime of a series at a candle; the job documents the rule that decides it. */
public enum Regime {
    TRENDING_UP("trending_up"),
    TRENDING_DOWN("trending_down"),
    RANGING("ranging"),
    VOLATILE("volatile");

    private final String jsonName;

    Regime(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static Regime byJsonName(String name) {
        for (Regime r : values()) {
            if (r.jsonName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown regime '" + name + "'");
    }
}
