package io.jonbu.ohlcv.serving.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender thread and its share of the clients: the Kafka thread hands it each update once, and it
 * queues the update for those of its clients that want it, then writes to each client it queued for.
 * So an update costs the Kafka thread one hand-off per sender rather than one per client, the
 * per-client work runs on every core, and updates that arrived together reach a client as one message.
 * Writes do not block ({@link ClientSession}), so a slow client holds up no one on its sender either.
 * The inbox is taken whole each round: updates that came while a round wrote are queued (and
 * coalesced) together in the next, so while the sender keeps up with Kafka the inbox holds about a
 * round's worth; it is not bounded, as the executor's queue it replaced was not: a sender that falls
 * behind for good (more clients than its core can write to) grows it.
 */
final class Sender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    private final Subscribers subscribers = new Subscribers();
    private final LinkedBlockingQueue<StreamUpdate> inbox = new LinkedBlockingQueue<>();
    /** Drains asked for while queueing a batch of updates, run once the batch is queued; this thread's only. */
    private final ArrayDeque<Runnable> drains = new ArrayDeque<>();
    private final Thread thread;

    Sender(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** This sender's clients, to add, index and sweep. */
    Subscribers subscribers() {
        return subscribers;
    }

    /** Where a client of this sender has its outbox drained: on this thread, after the updates at hand are queued. */
    Executor drains() {
        return drain -> {
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException("a client is offered updates on its sender's thread only");
            }
            drains.add(drain);
        };
    }

    /** Called on the Kafka thread. */
    void publish(StreamUpdate update) {
        inbox.add(update);
    }

    private void run() {
        List<StreamUpdate> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(inbox.take());
                inbox.drainTo(batch);
                batch.forEach(subscribers::dispatch);
                batch.clear();
                for (Runnable drain = drains.poll(); drain != null; drain = drains.poll()) {
                    try {
                        drain.run();
                    } catch (RuntimeException e) {
                        // one client's broken connection must not stop the others of this sender
                        LOG.warn("writing to a stream client failed: {}", e.toString());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
