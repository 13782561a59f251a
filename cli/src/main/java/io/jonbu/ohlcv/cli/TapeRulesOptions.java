package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.model.DailySession;
import io.jonbu.ohlcv.model.tape.SaleConditionRules;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How trades make candles, shared by the commands that run the candle job ({@code run}, {@code replay}). */
final class TapeRulesOptions {
    @Option(names = "--sale-conditions", paramLabel = "RULES", defaultValue = "TAPE_PLAN",
            description = "TAPE_PLAN (the CTA/UTP sale-condition rules) or ALL_TRADES (every print counts) (default: ${DEFAULT-VALUE})")
    SaleConditionRules saleConditions;

    @Option(names = "--daily-session", paramLabel = "SESSION", defaultValue = "FULL_DAY",
            description = {"FULL_DAY (daily candles over pre-market, regular and after hours, as Alpaca's daily bars)",
                "or REGULAR (09:30-16:00 New York only) (default: ${DEFAULT-VALUE})"})
    DailySession dailySession;

    @Option(names = "--correction-horizon", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = {"how long a trade can still be corrected or cancelled (its print is kept that long); a later",
                "correction is reported, not applied; 0s keeps nothing (default: ${DEFAULT-VALUE})"})
    Duration correctionHorizon;

    CandleJobConfig applyTo(CandleJobConfig config) {
        return config.withSaleConditions(saleConditions).withDailySession(dailySession).withCorrectionHorizon(correctionHorizon);
    }
}
