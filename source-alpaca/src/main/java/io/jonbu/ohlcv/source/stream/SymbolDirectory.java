package io.jonbu.ohlcv.source.stream;

import java.io.Serializable;
import java.util.Set;

/**
 * Where the symbols to stream are configured while the job runs (the {@code symbols} table, in the
 * job). The source's enumerator asks it every poll interval on a worker thread and applies the
 * difference to the live connections, so a symbol added or removed there is streamed or dropped
 * without a restart. It is serialized into the job graph, so it holds settings, not connections.
 */
@FunctionalInterface
public interface SymbolDirectory extends Serializable {
    /**
     * The symbols to stream now. May block (a database query); a failure is logged and the question
     * asked again at the next poll, with the current symbols kept meanwhile.
     */
    Set<String> activeSymbols() throws Exception;
}
