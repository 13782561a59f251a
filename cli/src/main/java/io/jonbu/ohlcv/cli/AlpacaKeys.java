package io.jonbu.ohlcv.cli;

import java.util.Map;

/** An Alpaca API key pair, read from the environment only, so it never shows in a command line or a log. */
record AlpacaKeys(String key, String secret) {
    static final String KEY_VARIABLE = "APCA_API_KEY_ID";
    static final String SECRET_VARIABLE = "APCA_API_SECRET_KEY";

    /**
     * @param who names what needs the keys in the error, as {@code fetch} or {@code --feed alpaca}
     * @throws IllegalArgumentException when either variable is missing or blank
     */
    static AlpacaKeys from(Map<String, String> environment, String who) {
        String key = environment.get(KEY_VARIABLE);
        String secret = environment.get(SECRET_VARIABLE);
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(who + ": set " + KEY_VARIABLE + " and " + SECRET_VARIABLE + " in the environment");
        }
        return new AlpacaKeys(key, secret);
    }

    @Override
    public String toString() {
        return "AlpacaKeys[" + key + ", secret hidden]";
    }
}
