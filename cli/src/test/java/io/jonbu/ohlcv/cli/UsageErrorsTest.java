package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad arguments exit with 2 and a message naming the option, before anything starts. */
class UsageErrorsTest {
    private final StringWriter err = new StringWriter();

    private int jonbu(String... args) {
        return JonbuInProcess.run(Map.of(), err, args);
    }

    @Test
    void alpacaFeedWithoutKeysInTheEnvironmentIsAUsageError() {
        assertThat(jonbu("run", "--feed", "alpaca")).isEqualTo(2);
        assertThat(err.toString()).contains("--feed alpaca: set APCA_API_KEY_ID and APCA_API_SECRET_KEY");
    }

    @Test
    void unknownFeedKindIsAUsageError() {
        assertThat(jonbu("run", "--feed", "kraken")).isEqualTo(2);
        assertThat(err.toString()).contains("--feed").contains("kraken");
    }

    @Test
    void simulatorSettingsAreValidatedNamingTheField() {
        assertThat(jonbu("simulate", "--rate", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("rate must be a positive number");

        assertThat(jonbu("simulate", "--speed", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("--speed needs --virtual-start");

        assertThat(jonbu("simulate", "--history-size", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("historySize must be positive");

        assertThat(jonbu("simulate", "--virtual-start", "tomorrow")).isEqualTo(2);
        assertThat(err.toString()).contains("--virtual-start: 'tomorrow' is not an RFC 3339 time");

        assertThat(jonbu("simulate", "--corrections", "0.7", "--cancels", "0.4")).isEqualTo(2);
        assertThat(err.toString()).contains("correctionShare and cancelShare must be >= 0 with a sum <= 1");
    }

    @Test
    void badFaultSpecsAreUsageErrorsNamingTheValue() {
        assertThat(jonbu("simulate", "--fault", "disconnect-every=soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--fault").contains("'soon' is not a duration");

        assertThat(jonbu("simulate", "--fault", "silent-after")).isEqualTo(2);
        assertThat(err.toString()).contains("'silent-after' needs a duration");

        assertThat(jonbu("simulate", "--fault", "flaky")).isEqualTo(2);
        assertThat(err.toString()).contains("'flaky' is not a fault; use disconnect-every=DURATION");

        assertThat(jonbu("simulate", "--fault", "slow-client=0")).isEqualTo(2);
        assertThat(err.toString()).contains("'slow-client=0': slow-client: frames must be positive");

        assertThat(jonbu("simulate", "--fault", "error=404")).isEqualTo(2);
        assertThat(err.toString()).contains("'error=404': error: 404 is not sent on demand; use one of 405, 406");

        assertThat(jonbu("simulate", "--fault", "reject-auth", "--fault", "reject-auth")).isEqualTo(2);
        assertThat(err.toString()).contains("faults: at most one of each kind");
    }

    @Test
    void anUnknownChannelIsAUsageErrorNamingTheOptionAndTheChoices() {
        assertThat(jonbu("run", "--channels", "quotes,trades")).isEqualTo(2);
        assertThat(err.toString()).contains("--channels")
                .contains("'trades' is not a channel; use any of quotes,bars,updatedBars,dailyBars,statuses");

        assertThat(jonbu("run", "--feed", "alpaca", "--channels", "luld")).isEqualTo(2);
        assertThat(err.toString()).contains("--channels").contains("'luld' is not a channel");

        assertThat(jonbu("simulate", "--status-every", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("statusEvery must be >= 0");
    }

    @Test
    void durationsMustHaveAUnit() {
        assertThat(jonbu("run", "--out-of-orderness", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("'2' is not a duration such as 500ms, 2s, 1min, 1h or 3d");
    }
}
