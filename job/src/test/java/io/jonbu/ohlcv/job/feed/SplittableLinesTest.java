package io.jonbu.ohlcv.job.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplittableLinesTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void everyLineIsReadOnceWhereverTheRangesCutTheFile() throws Exception {
        Random random = new Random(3);
        List<String> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            // empty lines, multi-byte characters, CRLF ends, and lines longer than the reader's first line buffer
            String line = i % 37 == 0 ? "" : "{\"n\":" + i + ",\"s\":\"" + "é€x".repeat(random.nextInt(120)) + "\"}";
            lines.add(line);
            text.append(line).append(i % 5 == 0 ? "\r\n" : "\n");
        }
        lines.add("last line without an end");
        text.append("last line without an end");
        java.nio.file.Path file = Files.writeString(dir.resolve("lines.ndjson"), text, StandardCharsets.UTF_8);
        long size = Files.size(file);

        for (long step : new long[] {1, 2, 3, 7, 64, 1000, 4096, size - 1, size, size + 10}) {
            List<String> read = new ArrayList<>();
            for (long from = 0; from < size; from += step) {
                read.addAll(readRange(file, from, Math.min(size, from + step)));
            }
            assertThat(read).as("ranges of %d bytes", step).isEqualTo(lines);
        }
    }

    @Test
    void aFileIsCutIntoRangesForEveryReaderThatCoverItExactly() throws Exception {
        java.nio.file.Path file = Files.write(dir.resolve("big.ndjson"), new byte[(int) (SplittableLines.MIN_RANGE_BYTES * 20 + 5)]);
        List<FileSourceSplit> ranges = new ArrayList<>(new SplittableLines.Ranges().enumerateSplits(new Path[] {new Path(file.toUri())}, 2));

        assertThat(ranges).hasSize(8);
        long next = 0;
        for (FileSourceSplit range : ranges) {
            assertThat(range.offset()).isEqualTo(next);
            next += range.length();
        }
        assertThat(next).isEqualTo(Files.size(file));
        java.nio.file.Path small = Files.writeString(dir.resolve("small.ndjson"), "{}\n{}\n");
        assertThat(new SplittableLines.Ranges().enumerateSplits(new Path[] {new Path(small.toUri())}, 2)).hasSize(1);
    }

    private static List<String> readRange(java.nio.file.Path file, long from, long to) throws Exception {
        FSDataInputStream in = LocalFileSystem.getSharedInstance().open(new Path(file.toUri()));
        in.seek(from);
        List<String> lines = new ArrayList<>();
        try (StreamFormat.Reader<String> reader = new SplittableLines.Format().createReader(new Configuration(), in, Files.size(file), to)) {
            for (String line = reader.read(); line != null; line = reader.read()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
