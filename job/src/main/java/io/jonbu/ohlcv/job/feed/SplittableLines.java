package io.jonbu.ohlcv.job.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;

/**
 * A file source of text lines that splits each file into byte ranges, so every parallel reader
 * reads, and the decoder after it parses, a share of one file. Flink's {@code TextLineInputFormat}
 * is not splittable: one subtask read and parsed a whole recording while the other had nothing to
 * do, and that reader was then a replay's busiest thread.
 *
 * <p>A range owns the lines that start inside it, the line starting exactly at its end included
 * (Hadoop's rule): a reader skips the line it starts in the middle of, or at the very start of,
 * unless the range starts the file, and reads on past its end to finish its last line. Lines end
 * at {@code \n} (a {@code \r} before it is dropped) and are UTF-8, as in NDJSON. A reader reports
 * no position for checkpoints, so a streaming job restored from one re-reads its current range:
 * this source is for bounded runs (replay).
 */
public final class SplittableLines {
    /** Ranges smaller than this are not worth a reader of their own. */
    static final long MIN_RANGE_BYTES = 1 << 20;

    private SplittableLines() {}

    public static FileSource<String> of(Path... files) {
        return FileSource.forRecordStreamFormat(new Format(), files).setFileEnumerator(Ranges::new).build();
    }

    /** Each file as {@code minDesiredSplits} ranges per reader (so a slow reader does not keep a large share), none under a megabyte. */
    static final class Ranges implements FileEnumerator {
        private static final int RANGES_PER_READER = 4;
        private final NonSplittingRecursiveEnumerator files = new NonSplittingRecursiveEnumerator();

        @Override
        public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits) throws IOException {
            List<FileSourceSplit> ranges = new ArrayList<>();
            for (FileSourceSplit file : files.enumerateSplits(paths, minDesiredSplits)) {
                long size = file.length();
                int count = (int) Math.max(1, Math.min((long) minDesiredSplits * RANGES_PER_READER, size / MIN_RANGE_BYTES));
                for (int i = 0; i < count; i++) {
                    long from = size * i / count;
                    long to = size * (i + 1) / count;
                    ranges.add(new FileSourceSplit(file.splitId() + "-" + i, file.path(), from, to - from,
                            file.fileModificationTime(), file.fileSize(), file.hostnames()));
                }
            }
            return ranges;
        }
    }

    static final class Format implements StreamFormat<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public Reader<String> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
                throws IOException {
            return new LineReader(stream, stream.getPos(), splitEnd);
        }

        @Override
        public Reader<String> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen,
                long splitEnd) throws IOException {
            return new LineReader(stream, restoredOffset, splitEnd);
        }

        @Override
        public boolean isSplittable() {
            return true;
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    }

    /** Reads the lines that start in {@code [start, end]}, skipping a partial first one. */
    static final class LineReader implements StreamFormat.Reader<String> {
        private final FSDataInputStream in;
        private final long end;
        private final byte[] buffer = new byte[64 * 1024];
        private int next;
        private int filled;
        /** File position of {@code buffer[next]}. */
        private long position;
        private byte[] line = new byte[256];

        LineReader(FSDataInputStream in, long start, long end) throws IOException {
            this.in = in;
            this.end = end;
            this.position = start;
            if (start > 0) {
                readLine(); // the line this range starts inside, or starts at, belongs to the range before
            }
        }

        @Override
        public String read() throws IOException {
            return position > end ? null : readLine();
        }

        /** The next line without its end, or null at the end of the file. */
        private String readLine() throws IOException {
            int length = 0;
            boolean any = false;
            while (true) {
                if (next == filled && !fill()) {
                    return any ? text(length) : null;
                }
                any = true;
                int from = next;
                while (next < filled && buffer[next] != '\n') {
                    next++;
                }
                int run = next - from;
                if (length + run > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + run));
                }
                System.arraycopy(buffer, from, line, length, run);
                length += run;
                position += run;
                if (next < filled) {
                    next++; // the '\n'
                    position++;
                    return text(length);
                }
            }
        }

        private String text(int length) {
            int n = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            return new String(line, 0, n, StandardCharsets.UTF_8);
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer, 0, buffer.length);
            next = 0;
            filled = Math.max(read, 0);
            return read > 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
