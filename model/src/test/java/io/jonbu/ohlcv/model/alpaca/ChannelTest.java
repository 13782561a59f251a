package io.jonbu.ohlcv.model.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ChannelTest {
    @Test
    void parsesAlpacasNamesAndFormatsThemBack() {
        assertThat(Channel.parseList("quotes, bars,updatedBars,dailyBars,statuses")).isEqualTo(EnumSet.allOf(Channel.class));
        assertThat(Channel.parseList("statuses,quotes")).containsExactly(Channel.QUOTES, Channel.STATUSES);
        assertThat(Channel.format(Channel.parseList("statuses,quotes"))).isEqualTo("quotes,statuses");
    }

    @Test
    void blankOrNoneIsNoChannel() {
        assertThat(Channel.parseList("")).isEmpty();
        assertThat(Channel.parseList("none")).isEmpty();
        assertThat(Channel.parseList(null)).isEmpty();
    }

    @Test
    void anUnknownNameIsRefusedNamingItAndTheChoices() {
        assertThatThrownBy(() -> Channel.parseList("quotes,lulds"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'lulds' is not a channel; use any of quotes,bars,updatedBars,dailyBars,statuses (trades always)");
        assertThatThrownBy(() -> Channel.parseList("trades")).hasMessageStartingWith("'trades' is not a channel");
    }
}
