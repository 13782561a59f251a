package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageParser;
import io.jonbu.ohlcv.model.alpaca.ControlMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator against Alpaca's documented v2 stream protocol, over real loopback WebSockets. */
class AlpacaSimulatorProtocolTest {
    private static final String CONNECTED = "[{\"T\":\"success\",\"msg\":\"connected\"}]";
    private static final String AUTHENTICATED = "[{\"T\":\"success\",\"msg\":\"authenticated\"}]";
    private static final String AUTH = "{\"action\":\"auth\",\"key\":\"k\",\"secret\":\"s\"}";

    private static AlpacaSimulator open;

    @BeforeAll
    static void startSimulator() {
        open = AlpacaSimulator.start(SimulatorConfig.builder().rate(2_000).build());
    }

    @AfterAll
    static void stopSimulator() {
        open.close();
    }

    @Test
    void greetsEveryConnectionWithConnected() {
        try (TestClient client = TestClient.connect(open.url("iex"))) {
            assertThat(client.next()).isEqualTo(CONNECTED);
        }
    }

    @Test
    void authMessageAuthenticates() {
        try (TestClient client = TestClient.connect(open.url("sip"))) {
            client.next();
            client.send(AUTH);
            assertThat(client.next()).isEqualTo(AUTHENTICATED);
        }
    }

    @Test
    void upgradeHeadersAuthenticateWithoutAnAuthMessage() {
        Map<String, String> headers = Map.of("APCA-API-KEY-ID", "k", "APCA-API-SECRET-KEY", "s");
        try (TestClient client = TestClient.connect(open.url("test"), headers)) {
            assertThat(client.next()).isEqualTo(CONNECTED);
            assertThat(client.next()).isEqualTo(AUTHENTICATED);
        }
    }

    @Test
    void subscriptionReplyHasAlpacasExactShape() {
        try (TestClient client = authenticated()) {
            client.send("{\"action\":\"subscribe\",\"trades\":[\"AAPL\",\"MSFT\"]}");
            assertThat(client.next()).isEqualTo(Fixtures.sessionFrame("[{\"T\":\"subscription\""));
        }
    }

    @Test
    void subscriptionsAddUpAndUnsubscribeRemovesOnlyWhatItNames() {
        try (TestClient client = authenticated()) {
            // symbols the simulator does not trade, so no trade frame gets between the replies
            client.send("{\"action\":\"subscribe\",\"trades\":[\"AMD\"],\"quotes\":[\"INTC\"]}");
            client.next();
            client.send("{\"action\":\"subscribe\",\"trades\":[\"ORCL\"],\"bars\":[\"*\"]}");
            client.next();
            client.send("{\"action\":\"unsubscribe\",\"trades\":[\"AMD\"]}");
            ControlMessage reply = onlyControl(client.next());
            assertThat(reply.channel("trades")).containsExactly("ORCL");
            assertThat(reply.channel("quotes")).containsExactly("INTC");
            assertThat(reply.channel("bars")).containsExactly("*");
            assertThat(reply.channel("corrections")).containsExactly("ORCL");
            assertThat(reply.channel("cancelErrors")).containsExactly("ORCL");
            assertThat(reply.channels()).containsOnlyKeys("trades", "quotes", "bars", "updatedBars", "dailyBars",
                    "statuses", "lulds", "corrections", "cancelErrors");
        }
    }

    @Test
    void subscribeBeforeAuthIsRejectedWith401() {
        try (TestClient client = TestClient.connect(open.url("iex"))) {
            client.next();
            client.send("{\"action\":\"subscribe\",\"trades\":[\"AAPL\"]}");
            assertThat(client.next()).isEqualTo(Fixtures.errorFrame(401));
        }
    }

    @Test
    void secondAuthIsRejectedWith403() {
        try (TestClient client = authenticated()) {
            client.send(AUTH);
            assertThat(client.next()).isEqualTo(Fixtures.errorFrame(403));
        }
    }

    @Test
    void invalidJsonAndUnknownActionsAreRejectedWith400() {
        try (TestClient client = authenticated()) {
            client.send("{\"action\":");
            assertThat(client.next()).isEqualTo(Fixtures.errorFrame(400));
            client.send("{\"action\":\"listen\",\"trades\":[\"AAPL\"]}");
            assertThat(client.next()).isEqualTo(Fixtures.errorFrame(400));
            client.send("{\"action\":\"subscribe\",\"trades\":\"AAPL\"}");
            assertThat(client.next()).isEqualTo(Fixtures.errorFrame(400));
        }
    }

    @Test
    void wrongKeyIsRejectedWith402AndClosed() throws Exception {
        SimulatorConfig keyed = SimulatorConfig.builder().credentials("key-id", "right").build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(keyed);
                TestClient client = TestClient.connect(simulator.url("iex"))) {
            client.next();
            client.send("{\"action\":\"auth\",\"key\":\"key-id\",\"secret\":\"wrong\"}");
            assertThat(client.next()).isEqualTo(Fixtures.errorFrame(402));
            assertThat(client.awaitClosed()).startsWith("1008");
        }
    }

    @Test
    void configuredKeyIsAccepted() {
        SimulatorConfig keyed = SimulatorConfig.builder().credentials("key-id", "right").build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(keyed);
                TestClient client = TestClient.connect(simulator.url("iex"))) {
            client.next();
            client.send("{\"action\":\"auth\",\"key\":\"key-id\",\"secret\":\"right\"}");
            assertThat(client.next()).isEqualTo(AUTHENTICATED);
        }
    }

    @Test
    void connectionThatNeverAuthenticatesTimesOutWith404() throws Exception {
        SimulatorConfig impatient = SimulatorConfig.builder().authTimeout(Duration.ofMillis(300)).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(impatient);
                TestClient client = TestClient.connect(simulator.url("iex"))) {
            assertThat(client.next()).isEqualTo(CONNECTED);
            assertThat(client.next()).isEqualTo(Fixtures.errorFrame(404));
            assertThat(client.awaitClosed()).startsWith("1008");
        }
    }

    @Test
    void tradesArriveAsArraysOfTradeMessagesForSubscribedSymbolsOnly() {
        try (TestClient client = TestClient.subscribed(open.url("iex"), "AAPL", "SPY")) {
            List<Trade> trades = client.trades(200);
            assertThat(trades).extracting(Trade::symbol).containsOnly("AAPL", "SPY");
            assertThat(trades).filteredOn(t -> t.symbol().equals("SPY")).extracting(Trade::tape).containsOnly("B");
        }
    }

    private static TestClient authenticated() {
        TestClient client = TestClient.connect(open.url("iex"));
        client.next();
        client.send(AUTH);
        assertThat(client.next()).isEqualTo(AUTHENTICATED);
        return client;
    }

    private static ControlMessage onlyControl(String frame) {
        List<ControlMessage> controls = new ArrayList<>();
        new AlpacaMessageParser().parse(frame, new AlpacaMessageParser.Listener() {
            @Override
            public void onTrade(Trade trade) {
                throw new AssertionError("unexpected trade in " + frame);
            }

            @Override
            public void onControl(ControlMessage message) {
                controls.add(message);
            }

            @Override
            public void onMalformed(String reason, String raw) {
                throw new AssertionError(reason + ": " + raw);
            }
        });
        assertThat(controls).hasSize(1);
        return controls.get(0);
    }
}
