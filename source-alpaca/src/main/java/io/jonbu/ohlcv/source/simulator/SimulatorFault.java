package io.jonbu.ohlcv.source.simulator;

import java.time.Duration;

/**
 * A misbehaviour the simulator puts on every stream connection, so a client's recovery from what
 * Alpaca and the network do can be tested: {@link DisconnectEvery}, {@link SilentAfter},
 * {@link SlowClient}, {@link RejectAuth}. The REST side is never affected, so a client can always
 * backfill what a fault made it miss.
 */
public sealed interface SimulatorFault {

    /** The name of the fault in {@code jonbu simulate --fault NAME[=VALUE]}. */
    String name();

    /** The connection is cut (no close handshake, as when the network drops) {@code after} it was opened. */
    record DisconnectEvery(Duration after) implements SimulatorFault {
        public DisconnectEvery {
            requirePositive("disconnect-every", after);
        }

        @Override
        public String name() {
            return "disconnect-every";
        }
    }

    /**
     * {@code after} the connection was opened it stays open, answers pings and control messages, but
     * sends no more data: only a client watching the age of its data notices.
     */
    record SilentAfter(Duration after) implements SimulatorFault {
        public SilentAfter {
            requirePositive("silent-after", after);
        }

        @Override
        public String name() {
            return "silent-after";
        }
    }

    /**
     * After {@code frames} data frames the client is dropped with Alpaca's 407 "slow client", as if its
     * buffer had overflowed, whether or not it reads fast enough.
     */
    record SlowClient(int frames) implements SimulatorFault {
        /** Enough data for a client to have started streaming before it is dropped. */
        public static final int DEFAULT_FRAMES = 100;

        public SlowClient {
            if (frames < 1) {
                throw new IllegalArgumentException("slow-client: frames must be positive, was " + frames);
            }
        }

        @Override
        public String name() {
            return "slow-client";
        }
    }

    /** Every authentication fails with Alpaca's 402 "auth failed", as with revoked keys. */
    record RejectAuth() implements SimulatorFault {
        @Override
        public String name() {
            return "reject-auth";
        }
    }

    /**
     * Alpaca's error {@code code} where Alpaca sends it: 406, 408, 409 and 411 instead of the
     * authentication reply, then the close; 405 and 410 instead of the subscription reply, the
     * connection staying open; 500 instead of the subscription reply, then the close. (402 is
     * {@link RejectAuth}, 407 {@link SlowClient}; 400, 401, 403 and 404 answer the client's own doing.)
     */
    record ErrorReply(int code) implements SimulatorFault {
        public ErrorReply {
            StreamError error = StreamError.of(code);
            if (error.instead() == null || error == StreamError.AUTH_FAILED) {
                throw new IllegalArgumentException("error: " + code + " is not sent on demand; use one of 405, 406, 408, "
                        + "409, 410, 411, 500 (402 is reject-auth, 407 slow-client)");
            }
        }

        @Override
        public String name() {
            return "error";
        }
    }

    static DisconnectEvery disconnectEvery(Duration after) {
        return new DisconnectEvery(after);
    }

    static SilentAfter silentAfter(Duration after) {
        return new SilentAfter(after);
    }

    static SlowClient slowClient() {
        return new SlowClient(SlowClient.DEFAULT_FRAMES);
    }

    static SlowClient slowClient(int frames) {
        return new SlowClient(frames);
    }

    static RejectAuth rejectAuth() {
        return new RejectAuth();
    }

    static ErrorReply error(int code) {
        return new ErrorReply(code);
    }

    private static void requirePositive(String name, Duration after) {
        if (after == null || after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException(name + ": the duration must be positive, was " + after);
        }
    }
}
