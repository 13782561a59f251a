package io.jonbu.ohlcv.serving.auth;

/**
 * A key just created: the only time its whole text exists outside the client's hands.
 *
 * @param text the key to hand to the client, {@code jonbu_<id>_<secret>}
 */
public record IssuedKey(ApiKey key, String text) {
    @Override
    public String toString() {
        return "IssuedKey[" + key.id() + ", text hidden]";
    }
}
