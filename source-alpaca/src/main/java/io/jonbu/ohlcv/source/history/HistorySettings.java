package io.jonbu.ohlcv.source.history;

import java.io.Serializable;

/** Where the readers fetch from. Travels inside the job graph, so it is serializable, and never prints the credentials. */
record HistorySettings(String restUrl, String key, String secret, String feed) implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "HistorySettings[restUrl=" + restUrl + ", feed=" + feed + "]";
    }
}
