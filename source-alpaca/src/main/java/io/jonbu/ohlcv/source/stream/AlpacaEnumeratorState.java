package io.jonbu.ohlcv.source.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the enumerator checkpoints: the splits no reader holds yet (assigned ones live in reader state,
 * with their positions), and the symbols of every split, assigned or not, in the order the splits were
 * made. The symbols are kept here because a {@link SymbolDirectory} changes them while the job runs: a
 * restore must not forget what was added or removed, nor which split each symbol went to.
 *
 * @param splitSymbols empty in a state written before symbols could change (serializer versions 1 and
 *                     2); the source then takes every split to hold the symbols it was built with
 */
public record AlpacaEnumeratorState(List<AlpacaStreamSplit> unassigned, Map<String, List<String>> splitSymbols) {
    public AlpacaEnumeratorState {
        unassigned = List.copyOf(unassigned);
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        splitSymbols.forEach((id, symbols) -> ordered.put(id, List.copyOf(symbols)));
        splitSymbols = Collections.unmodifiableMap(ordered);
    }
}
