package io.jonbu.ohlcv.serving.stream;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * One connected client: its subscription and its bounded outbox, drained by Jetty's asynchronous
 * send with one message in flight at a time. Nothing here blocks: its {@link Sender} appends to the
 * outbox and asks for a drain, so a client that stops reading holds up no one but itself. (Were the
 * Kafka thread to write, as Jetty writes on the calling thread while the socket has room, it would do
 * the fan-out's every write itself: past what one thread can write, the backlog would grow in Kafka,
 * where no update is coalesced or dropped and every client's latency grows without bound.)
 *
 * <p>Each send takes everything waiting in the outbox as one message, a JSON array of its objects
 * (as Alpaca's stream batches), up to {@link #MAX_MESSAGE_CHARS}: a client that falls behind gets
 * fewer, larger messages, so the cost of a write (a frame, a system call, a wake-up of the reader) is
 * shared by the updates it carries instead of growing the backlog further.
 *
 * <p>When the client falls behind, a non-final update of a candle still waiting in the outbox is
 * replaced in place by the newer one (a chart needs the newest state, not each step); when the
 * outbox is full, further updates are dropped and counted, and a client that stays behind for
 * longer than the limit is told {@code 407 slow client} and disconnected.
 */
final class ClientSession {
    private static final long NOT_BEHIND = Long.MIN_VALUE;
    // a client that does not read will not read the close frame either; past this, drop the connection
    private static final long CLOSE_GRACE_NANOS = 2_000_000_000L;
    /**
     * A message holds objects up to this many characters (a single larger object goes alone). Some
     * fifty candles already share a write's cost among many updates, while Jetty holds a message until
     * the client has taken it all: this bounds what each client that is behind pins in memory. Far under
     * the smallest default limit of common WebSocket clients (Jetty's, 64 KiB).
     */
    static final int MAX_MESSAGE_CHARS = 16 * 1024;

    private final Session session;
    private final Executor senders;
    private final int capacity;
    private final long slowLimitNanos;
    private final StreamMetrics metrics;

    // all guarded by this
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final Map<StreamUpdate.Key, Outgoing> partials = new HashMap<>();
    private Subscription subscription = Subscription.NONE;
    private boolean sending;
    /** A sender thread has been asked to drain the outbox and has not started yet. */
    private boolean drainScheduled;
    private long behindSince = NOT_BEHIND;
    private long closedAt;
    private boolean closed;

    /** A queued object of a message; a partial update's text is replaced while it waits. */
    private static final class Outgoing {
        String text;
        /** The message of this object alone when built already (an update's), else null. */
        String alone;
        StreamUpdate.Key partialOf;

        Outgoing(String text, String alone, StreamUpdate.Key partialOf) {
            this.text = text;
            this.alone = alone;
            this.partialOf = partialOf;
        }
    }

    /** @param senders where the outbox is drained after {@link #offer} adds to it */
    ClientSession(Session session, Executor senders, CandleStreamSettings settings, StreamMetrics metrics) {
        this.session = session;
        this.senders = senders;
        this.capacity = settings.queueCapacity();
        this.slowLimitNanos = settings.slowClientLimit().toNanos();
        this.metrics = metrics;
    }

    synchronized Subscription subscription() {
        return subscription;
    }

    /**
     * Applies a request and queues the confirmation in one step, so that every update queued after the
     * confirmation matches the subscription it confirms.
     */
    Subscription apply(ClientRequest request) {
        Subscription after;
        synchronized (this) {
            after = subscription.apply(request);
            subscription = after;
            queue.add(new Outgoing(ServerMessages.subscription(after), null, null));
        }
        pump();
        return after;
    }

    /**
     * Queues a control object (greeting, error). These do not count against the capacity, as they
     * answer the client's own messages, but a client that sends without ever reading is slow too.
     */
    void reply(String text) {
        boolean slow;
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.add(new Outgoing(text, null, null));
            slow = queue.size() > 2 * capacity;
        }
        if (slow) {
            closeWith(StreamError.slowClient(), StatusCode.POLICY_VIOLATION);
        } else {
            pump();
        }
    }

    /** Called on the client's sender thread for each update the index says may interest this client. */
    void offer(StreamUpdate update, long now) {
        boolean slow = false;
        synchronized (this) {
            if (closed || !subscription.wants(update)) {
                return;
            }
            Outgoing waiting = partials.get(update.key());
            if (waiting != null) {
                // newer state of a candle whose partial update has not gone out yet: send only the newest
                waiting.text = update.text();
                waiting.alone = update.message();
                if (update.isFinal()) {
                    partials.remove(update.key());
                    waiting.partialOf = null;
                }
                metrics.coalescedOne();
                return;
            }
            if (queue.size() >= capacity) {
                metrics.droppedOne();
                if (behindSince == NOT_BEHIND) {
                    behindSince = now;
                }
                slow = now - behindSince > slowLimitNanos;
            } else {
                Outgoing out = new Outgoing(update.text(), update.message(), update.isFinal() ? null : update.key());
                queue.add(out);
                if (out.partialOf != null) {
                    partials.put(out.partialOf, out);
                }
            }
        }
        if (slow) {
            closeWith(StreamError.slowClient(), StatusCode.POLICY_VIOLATION);
        } else {
            scheduleDrain();
        }
    }

    /** Has a sender thread drain the outbox, unless one is already sending or about to. */
    private void scheduleDrain() {
        synchronized (this) {
            if (sending || drainScheduled || closed || queue.isEmpty()) {
                return;
            }
            drainScheduled = true;
        }
        senders.execute(() -> {
            synchronized (this) {
                drainScheduled = false;
            }
            pump();
        });
    }

    /**
     * Periodic check, so a client is disconnected for staying behind even when no new update arrives,
     * and one that ignores the close is cut off.
     */
    void sweep(long now) {
        boolean slow;
        boolean cutOff;
        synchronized (this) {
            slow = !closed && behindSince != NOT_BEHIND && now - behindSince > slowLimitNanos;
            cutOff = closed && now - closedAt > CLOSE_GRACE_NANOS;
        }
        if (slow) {
            closeWith(StreamError.slowClient(), StatusCode.POLICY_VIOLATION);
        } else if (cutOff && session.isOpen()) {
            session.disconnect();
        }
    }

    /** Sends the error ahead of whatever is queued, which is discarded, and closes the connection. */
    void closeWith(StreamError error, int status) {
        if (!markClosed()) {
            return;
        }
        if (error.code() == StreamError.SLOW_CLIENT) {
            metrics.slowDisconnect();
        }
        // best effort: Jetty queues it behind the message in flight, which a slow client may never take
        session.getRemote().sendString("[" + error.text() + "]", WriteCallback.NOOP);
        session.close(status, error.getMessage());
    }

    /** Stops queueing and drops what is queued; false when the session was closed already. */
    private synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        closedAt = System.nanoTime();
        queue.clear();
        partials.clear();
        return true;
    }

    /**
     * The server is stopping: the frames Jetty already holds go out, then a close frame saying so
     * (1001, going away), so the client reconnects to another instance instead of seeing a broken
     * connection. Updates still queued here for a client that was behind are dropped with it.
     */
    void goAway() {
        if (!markClosed()) {
            return;
        }
        session.close(StatusCode.SHUTDOWN, "server shutting down");
    }

    /**
     * The connection is closed or broken: stop queueing. Should it still be open, {@link #sweep} cuts
     * it off after the grace period.
     */
    synchronized void closed() {
        if (!closed) {
            closed = true;
            closedAt = System.nanoTime();
        }
        queue.clear();
        partials.clear();
    }

    /**
     * Starts sending what is queued, as one message, unless a message is in flight. When Jetty completes
     * a send on this same thread (the socket had room), the loop sends what came meanwhile here instead
     * of recursing from the callback, so a long queue cannot overflow the stack.
     */
    private void pump() {
        while (true) {
            String text;
            int objects = 1;
            synchronized (this) {
                if (sending || closed || queue.isEmpty()) {
                    return;
                }
                Outgoing first = take();
                if (queue.isEmpty() && first.alone != null) {
                    // the common case of a client that keeps up: the very message every subscriber gets
                    text = first.alone;
                } else {
                    int estimate = Math.min(MAX_MESSAGE_CHARS, (first.text.length() + 1) * (queue.size() + 1) + 1);
                    StringBuilder message = new StringBuilder(estimate).append('[').append(first.text);
                    for (Outgoing next = queue.peek(); next != null && message.length() + next.text.length() + 2 <= MAX_MESSAGE_CHARS;
                            next = queue.peek()) {
                        message.append(',').append(take().text);
                        objects++;
                    }
                    text = message.append(']').toString();
                }
                if (queue.size() <= capacity / 2) {
                    behindSince = NOT_BEHIND;
                }
                sending = true;
            }
            Send send = new Send(objects);
            session.getRemote().sendString(text, send);
            if (!send.returnedBeforeCompletion()) {
                return;
            }
        }
    }

    /** The next queued object, no longer open to coalescing. */
    private Outgoing take() {
        Outgoing next = queue.poll();
        if (next.partialOf != null) {
            partials.remove(next.partialOf);
        }
        return next;
    }

    private final class Send implements WriteCallback {
        private final int objects;
        // guarded by ClientSession.this
        private boolean returned;
        private boolean completed;

        Send(int objects) {
            this.objects = objects;
        }

        /** @return true when the send completed already, so the caller goes on with the next */
        boolean returnedBeforeCompletion() {
            synchronized (ClientSession.this) {
                returned = true;
                return completed;
            }
        }

        @Override
        public void writeSuccess() {
            metrics.sent(objects);
            boolean resume;
            synchronized (ClientSession.this) {
                sending = false;
                completed = true;
                resume = returned;
            }
            if (resume) {
                pump();
            }
        }

        @Override
        public void writeFailed(Throwable failure) {
            // the connection is gone; Jetty reports the close, which removes this session
            synchronized (ClientSession.this) {
                sending = false;
                completed = true;
            }
            closed();
        }
    }
}
