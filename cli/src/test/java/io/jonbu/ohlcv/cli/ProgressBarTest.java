package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void theBarFillsWithTheShareDoneAndRedrawsAtMostTenTimesASecond() {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "export", 25_000, "candles", now::get);

        bar.advance(0);
        bar.advance(12_000);
        assertThat(bar.line()).isEqualTo("export [##############................]  48%  12,000/25,000 candles");
        assertThat(err.toString()).as("the second call came within 100 ms").doesNotContain("12,000");

        now.addAndGet(100_000_000L);
        bar.advance(1_000);
        assertThat(err.toString()).contains("\rexport [###############...............]  52%  13,000/25,000 candles");

        bar.advance(12_000);
        assertThat(err.toString()).as("the end is always drawn").endsWith("\rexport [##############################] 100%  25,000/25,000 candles");
    }

    @Test
    void nothingToDoIsAFullBar() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "export", 0, "candles");
        bar.advance(0);
        assertThat(err.toString()).contains("100%  0/0 candles");
    }

    @Test
    void workMeasuredByPositionShowsItsStatusInsteadOfTheCount() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "fetch", 200, "", () -> 0L);
        bar.moveTo(150, "1,200 1m bars, MSFT at 2024-05-03T00:00:00Z");
        assertThat(bar.line()).isEqualTo("fetch [######################........]  75%  1,200 1m bars, MSFT at 2024-05-03T00:00:00Z");
    }
}
