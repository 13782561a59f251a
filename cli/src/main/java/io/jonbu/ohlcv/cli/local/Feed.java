package io.jonbu.ohlcv.cli.local;

import io.jonbu.ohlcv.model.alpaca.Channel;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Where the local stack's trades come from. */
public sealed interface Feed {

    List<String> symbols();

    /** What the symbols are subscribed to besides trades. */
    Set<Channel> channels();

    /** The built-in Alpaca-protocol simulator, started and stopped with the stack. */
    record Simulated(SimulatorConfig simulator, Set<Channel> channels) implements Feed {
        public Simulated {
            channels = copy(channels);
        }

        /** Trades only. */
        public Simulated(SimulatorConfig simulator) {
            this(simulator, Set.of());
        }

        @Override
        public List<String> symbols() {
            return simulator.symbols();
        }
    }

    /**
     * Any server that speaks Alpaca's v2 stream: Alpaca itself, or {@code jonbu simulate} elsewhere,
     * with the historical API at {@code restUrl} that backfills the trades a dropped connection
     * missed. The secret is kept out of {@link #toString()}.
     */
    record Alpaca(String url, String restUrl, String key, String secret, List<String> symbols, Set<Channel> channels)
            implements Feed {
        public Alpaca {
            symbols = List.copyOf(symbols);
            channels = copy(channels);
        }

        /** Trades only. */
        public Alpaca(String url, String restUrl, String key, String secret, List<String> symbols) {
            this(url, restUrl, key, secret, symbols, Set.of());
        }

        @Override
        public String toString() {
            return "Alpaca[" + url + ", backfill from " + restUrl + ", key " + key + ", " + symbols.size() + " symbols, channels "
                    + channels + "]";
        }
    }

    private static Set<Channel> copy(Set<Channel> channels) {
        return channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
    }
}
