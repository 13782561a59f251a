package io.jonbu.ohlcv.job.feed;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;

/**
 * Reads strings in {@code StringValue.writeString}'s format (length plus one, then each char, all
 * variable-length encoded; 0 for null) and hands back one instance per value while it stays in a
 * small direct-mapped cache. A feed repeats a few thousand symbols and a handful of exchanges,
 * conditions and tapes, and each record's fresh strings cost an allocation and, for the symbol, the
 * hash that keying, state and timers ask of it once per record: a string from the cache has its hash
 * computed already. Not thread-safe: one per serializer instance, as {@code duplicate} makes them.
 */
final class RepeatedStrings {
    private static final int SLOTS = 1 << 13;
    /** Longer strings (rare in a trade) are read but not cached. */
    private static final int LONGEST_CACHED = 32;
    private static final int HIGH_BIT = 0x80;

    private final String[] cache = new String[SLOTS];
    private char[] chars = new char[LONGEST_CACHED];

    String read(DataInputView in) throws IOException {
        int length = readVarint(in, in.readUnsignedByte());
        if (length == 0) {
            return null;
        }
        length--;
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        int hash = 0;
        for (int i = 0; i < length; i++) {
            char c = (char) readVarint(in, in.readUnsignedByte());
            chars[i] = c;
            hash = 31 * hash + c;
        }
        if (length > LONGEST_CACHED) {
            return new String(chars, 0, length);
        }
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        String cached = cache[slot];
        if (cached != null && cached.hashCode() == hash && holds(cached, length)) {
            return cached;
        }
        String s = new String(chars, 0, length);
        cache[slot] = s;
        return s;
    }

    private boolean holds(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    /** Seven bits per byte, lowest first, the high bit set on every byte but the last. */
    private static int readVarint(DataInputView in, int first) throws IOException {
        if (first < HIGH_BIT) {
            return first;
        }
        int value = first & 0x7f;
        int shift = 7;
        int next;
        while ((next = in.readUnsignedByte()) >= HIGH_BIT) {
            value |= (next & 0x7f) << shift;
            shift += 7;
        }
        return value | next << shift;
    }
}
