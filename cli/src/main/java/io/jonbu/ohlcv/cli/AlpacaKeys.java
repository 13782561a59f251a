package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.Secret;
import io.jonbu.ohlcv.cli.config.Settings;

/**
 * An Alpaca API key pair, from the environment or the config file only, so it never shows in a
 * command line or a log.
 */
record AlpacaKeys(String key, String secret) {

    /**
     * @param who names what needs the keys in the error, as {@code fetch} or {@code --feed alpaca}
     * @throws IllegalArgumentException when either is missing
     */
    static AlpacaKeys from(Settings settings, String who) {
        var key = settings.secret(Secret.ALPACA_KEY_ID);
        var secret = settings.secret(Secret.ALPACA_SECRET_KEY);
        if (key.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException(who + ": set " + Secret.ALPACA_KEY_ID.environmentVariable() + " and "
                    + Secret.ALPACA_SECRET_KEY.environmentVariable() + " in the environment, or " + Secret.ALPACA_KEY_ID.path()
                    + " and " + Secret.ALPACA_SECRET_KEY.path() + " in the config file (--config)");
        }
        return new AlpacaKeys(key.get(), secret.get());
    }

    @Override
    public String toString() {
        return "AlpacaKeys[" + key + ", secret hidden]";
    }
}
