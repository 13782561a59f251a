package io.jonbu.ohlcv.source.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The least WebSocket client (RFC 6455) that can stop reading: no compression offered and a fixed
 * receive buffer, so unread data backs up into the server instead of into 32 MB of kernel buffers or
 * a compressed stream. okhttp cannot be made to stop reading its socket without blocking its thread.
 */
final class RawWebSocket implements AutoCloseable {
    private static final int RECEIVE_BUFFER = 64 * 1024;

    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    /** Connects and authenticates with the upgrade headers. */
    RawWebSocket(String url, String key, String secret) throws IOException {
        URI uri = URI.create(url);
        socket.setReceiveBufferSize(RECEIVE_BUFFER);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        in = socket.getInputStream();
        out = socket.getOutputStream();
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        out.write(("GET " + uri.getPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "APCA-API-KEY-ID: " + key + "\r\nAPCA-API-SECRET-KEY: " + secret + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String response = readResponseHead();
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + response);
        }
    }

    /** One masked text frame, as a client must send; short messages only. */
    void send(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("only short frames");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
    }

    /**
     * Reads raw bytes until {@code text} has gone past (server frames are unmasked, so their text is in
     * the byte stream as is); false at the end of the stream or the deadline.
     */
    boolean awaitText(String text, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[64 * 1024];
        String carry = "";
        socket.setSoTimeout(200);
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                return false;
            }
            String window = carry + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            if (window.contains(text)) {
                return true;
            }
            // enough of the end to find the text should it straddle two reads
            carry = window.substring(Math.max(0, window.length() - text.length()));
        }
        return false;
    }

    /** The upgrade response, read byte by byte so not a byte of the first frame is taken with it. */
    private String readResponseHead() throws IOException {
        StringBuilder head = new StringBuilder();
        socket.setSoTimeout(5_000);
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
