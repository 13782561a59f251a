package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.job.testing.TapeRevisions;
import io.jonbu.ohlcv.model.DailySession;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;
import io.jonbu.ohlcv.model.csv.CandleCsv;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.TradeGenerator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/replay");
    private static final Map<String, String> KEYS = Map.of("APCA_API_KEY_ID", "id", "APCA_API_SECRET_KEY", "secret");

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int jonbu(String... args) {
        return jonbu(Map.of(), args);
    }

    private int jonbu(Map<String, String> environment, String... args) {
        return JonbuInProcess.run(environment, err, args);
    }

    @Test
    void replayOfTheCheckedInFileGivesTheCheckedInCsv() throws Exception {
        Path out = dir.resolve("candles.csv");

        int code = jonbu("replay", "--input", FIXTURES.resolve("trades.ndjson").toString(), "--output", out.toString());

        assertThat(code).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(FIXTURES.resolve("expected-candles.csv")));
        assertThat(err.toString()).contains("replayed 74 trades into 109 candles").contains("2 malformed message(s)")
                .containsPattern("replay \\[#+\\] 100%  ([\\d,]+) of \\1 bytes read");
    }

    @Test
    void enrichedOutputHasOneJsonLinePerCandleInTheCsvOrder() throws Exception {
        Path out = dir.resolve("candles.csv");
        Path enriched = dir.resolve("enriched.jsonl");

        assertThat(jonbu("replay", "--input", FIXTURES.resolve("trades.ndjson").toString(), "--output", out.toString(),
                "--enriched-output", enriched.toString())).isZero();

        List<String> rows = Files.readAllLines(out).subList(1, 110);
        List<String> lines = Files.readAllLines(enriched);
        assertThat(lines).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            EnrichedCandle e = ApiJson.mapper().readValue(lines.get(i), EnrichedCandle.class);
            assertThat(CandleCsv.row(e.ohlcv())).isEqualTo(rows.get(i));
        }
        JsonNode first = ApiJson.mapper().readTree(lines.get(0));
        assertThat(first.path("indicators").path("obv").isNumber()).as("OBV starts at the first candle").isTrue();
        assertThat(first.path("indicators").path("sma_20").isNull()).as("SMA 20 needs 20 candles").isTrue();
        assertThat(first.path("context").path("regime").isNull()).as("no regime before warm-up").isTrue();
        assertThat(first.path("features").path("schema_version").asInt()).isEqualTo(1);
        assertThat(first.path("description").asText()).startsWith(first.path("ohlcv").path("symbol").asText() + " ");
        assertThat(first.path("metadata").path("session").asText()).isIn("pre_market", "regular", "after_hours", "closed");
        assertThat(first.path("embedding_vector")).hasSameSizeAs(first.path("features").path("values"));
    }

    @Test
    void correctionsAndCancelsInTheFileGiveTheCandlesOfTheTradesAsCorrected() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(FIXTURES.resolve("trades.ndjson")));
        List<FeedEvent> feed = new ArrayList<>();
        AlpacaFeedDecoder decoder = new AlpacaFeedDecoder("fixture");
        lines.forEach(line -> decoder.decode(line, feed::add));
        Trade open = trade(feed, 1001);
        Trade corrected = trade(feed, 1002);
        TradeCorrection correction = TapeRevisions.correction(corrected, 411.5, 300, 2002, "@");
        TradeCancel cancel = TapeRevisions.cancel(open);
        // after their trades in the file, before many others
        lines.add(10, TapeRevisions.message(correction));
        lines.add(11, TapeRevisions.message(cancel));
        lines.add(12, TapeRevisions.message(TapeRevisions.cancel(new Trade("MSFT", open.timestamp(), 1, 1, "V", 424242, null, "C"))));
        feed.add(FeedEvent.of(correction));
        feed.add(FeedEvent.of(cancel));
        Path revised = dir.resolve("revised.ndjson");
        Files.write(revised, lines);
        Path edited = dir.resolve("edited.ndjson");
        Files.writeString(edited, AlpacaMessageWriter.trades(CandleOracle.tape(feed)));

        Path fromRevised = dir.resolve("from-revised.csv");
        Path fromEdited = dir.resolve("from-edited.csv");
        assertThat(jonbu("replay", "--input", revised.toString(), "--output", fromRevised.toString())).isZero();
        assertThat(err.toString()).contains("3 correction(s) and cancel(s), 1 not applied");
        assertThat(jonbu("replay", "--input", edited.toString(), "--output", fromEdited.toString())).isZero();

        assertThat(Files.readString(fromRevised)).isEqualTo(Files.readString(fromEdited))
                .isNotEqualTo(Files.readString(FIXTURES.resolve("expected-candles.csv")));
    }

    @Test
    void withoutACorrectionHorizonCorrectionsAreReportedAndTheCandlesStayAsTraded() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(FIXTURES.resolve("trades.ndjson")));
        List<FeedEvent> feed = new ArrayList<>();
        new AlpacaFeedDecoder("fixture").decode(lines.get(2), feed::add);
        lines.add(10, TapeRevisions.message(TapeRevisions.cancel(feed.get(0).trade())));
        Path revised = dir.resolve("revised.ndjson");
        Files.write(revised, lines);
        Path out = dir.resolve("candles.csv");

        assertThat(jonbu("replay", "--input", revised.toString(), "--output", out.toString(), "--correction-horizon", "0s")).isZero();

        assertThat(err.toString()).contains("1 correction(s) and cancel(s), 1 not applied");
        assertThat(Files.readString(out)).isEqualTo(Files.readString(FIXTURES.resolve("expected-candles.csv")));
    }

    private static Trade trade(List<FeedEvent> feed, long id) {
        return feed.stream().filter(e -> e.isTrade() && e.trade().id() == id).findFirst().orElseThrow().trade();
    }

    @Test
    void onlyTheRequestedTimeframesAreWritten() throws Exception {
        Path out = dir.resolve("daily.csv");

        assertThat(jonbu("replay", "--input", FIXTURES.resolve("trades.ndjson").toString(), "--output", out.toString(),
                "--timeframes", "1d")).isZero();

        assertThat(Files.readAllLines(out)).containsExactlyElementsOf(
                Files.readAllLines(FIXTURES.resolve("expected-candles.csv")).stream()
                        .filter(l -> l.startsWith("symbol,") || l.contains(",1d,")).toList());
    }

    @Test
    void badArgumentsExitWithTwoAndNameTheOption() {
        assertThat(jonbu("replay", "--input", dir.resolve("missing.ndjson").toString(), "--output", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("--input: cannot read file");

        assertThat(jonbu("replay", "--input", FIXTURES.resolve("trades.ndjson").toString(), "--output", "x.csv", "--timeframes", "2m"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--timeframes").contains("unknown timeframe '2m'");

        assertThat(jonbu("replay", "--output", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required argument (specify one of these): (--input=FILE | --from-alpaca=SYMBOL");

        assertThat(jonbu(KEYS, "replay", "--from-alpaca", "AAPL", "--output", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("--from-alpaca: needs --start");

        assertThat(jonbu("replay", "--from-alpaca", "AAPL", "--start", "2024-03-08", "--output", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("--from-alpaca: set APCA_API_KEY_ID and APCA_API_SECRET_KEY");

        assertThat(jonbu(KEYS, "replay", "--from-alpaca", "AAPL", "--start", "2024-03-09", "--end", "2024-03-08", "--output", "x.csv"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--start: must be before --end");
    }

    @Test
    void fromAlpacaReplaysTheRestHistoryIntoTheCandlesOfThoseTradesWithRegularSessionDays() throws Exception {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        int emitted = 6_000;
        // 6 virtual seconds between trades: 10 hours of trades, past New York's close into the next UTC day
        SimulatorConfig sim = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT", "NVDA")).rate(10_000).seed(11)
                .virtualTime(start, 60_000).limit(emitted).credentials("id", "secret").build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(sim)) {
            assertThat(simulator.awaitEmitted(emitted, Duration.ofSeconds(30))).isTrue();
            Path out = dir.resolve("history.csv");

            int code = jonbu(KEYS, "replay", "--from-alpaca", "aapl,NVDA", "--start", "2024-03-08T15:00:00Z",
                    "--end", "2024-03-09T00:00:00Z", "--rest-url", simulator.restUrl(), "--output", out.toString(),
                    "--daily-session", "regular");

            assertThat(code).as(err.toString()).isZero();
            long from = EpochNanos.parse("2024-03-08T15:00:00Z");
            long to = EpochNanos.parse("2024-03-09T00:00:00Z");
            List<Trade> trades = TradeGenerator.emitted(sim, emitted).stream()
                    .filter(t -> !t.symbol().equals("MSFT") && t.timestamp() >= from && t.timestamp() < to).toList();
            List<String> expected = CandleOracle.candles(trades, List.of(Timeframe.values()), DailySession.REGULAR).stream().sorted(CandleCsv.ORDER).map(CandleCsv::row).toList();
            List<String> actual = Files.readAllLines(out);
            assertThat(actual.get(0)).isEqualTo(CandleCsv.HEADER);
            assertThat(withoutVwap(actual.subList(1, actual.size()))).hasSizeGreaterThan(100).containsExactlyElementsOf(withoutVwap(expected));
            assertThat(err.toString()).contains("replayed " + trades.size() + " trades into " + expected.size() + " candles");
        }
    }

    /** The VWAP sums in another order than the oracle's, so its last digit may differ; everything else must not. */
    private static List<String> withoutVwap(List<String> rows) {
        return rows.stream().map(r -> r.substring(0, r.lastIndexOf(','))).toList();
    }

    @Test
    void allTradesRulesLetOddLotsSetPricesSoEveryIntervalWithTradesHasACandle() throws Exception {
        Path out = dir.resolve("all.csv");
        assertThat(jonbu("replay", "--input", FIXTURES.resolve("trades.ndjson").toString(), "--output", out.toString(),
                "--sale-conditions", "ALL_TRADES")).isZero();
        // the fixture's odd lots alone fill 19 intervals that make no candle under the plans' rules
        assertThat(Files.readAllLines(out)).hasSize(1 + 128);
    }
}
