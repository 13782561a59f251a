package io.jonbu.ohlcv.cli.local;

import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import java.util.List;

/** Where the local stack's trades come from. */
public sealed interface Feed {

    List<String> symbols();

    /** The built-in Alpaca-protocol simulator, started and stopped with the stack. */
    record Simulated(SimulatorConfig simulator) implements Feed {
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
    record Alpaca(String url, String restUrl, String key, String secret, List<String> symbols) implements Feed {
        public Alpaca {
            symbols = List.copyOf(symbols);
        }

        @Override
        public String toString() {
            return "Alpaca[" + url + ", backfill from " + restUrl + ", key " + key + ", " + symbols.size() + " symbols]";
        }
    }
}
