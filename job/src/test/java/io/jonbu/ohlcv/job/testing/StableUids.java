package io.jonbu.ohlcv.job.testing;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;

/**
 * The savepoint check on a wired pipeline: a savepoint maps state to operators by uid, and an operator
 * without one gets an id hashed from its place in the graph, which the next version of the job
 * changes by adding or moving anything upstream; its state would then be left behind. The graph does
 * not say which operators keep state (they register it when they run), so every operator must carry
 * a uid (or a uid hash) of its own.
 */
public final class StableUids {
    private StableUids() {}

    /** The operators of {@code graph} without a uid of their own, each as "name (id)", in node order. */
    public static List<String> missing(StreamGraph graph) {
        return graph.getStreamNodes().stream()
                .filter(n -> blank(n.getTransformationUID()) && blank(n.getUserHash()))
                .sorted(Comparator.comparingInt(StreamNode::getId))
                .map(n -> n.getOperatorName() + " (" + n.getId() + ")")
                .toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
