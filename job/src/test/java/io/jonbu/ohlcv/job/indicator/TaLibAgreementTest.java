package io.jonbu.ohlcv.job.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each streaming indicator against TA-Lib (default unstable periods and compatibility) over whole
 * random series: NaN before TA-Lib's first output, then within 1e-9 relative (1e-9 absolute near
 * zero) up to the last candle. 1e-9 is the contract; the indicators repeat TA-Lib's operations in
 * TA-Lib's order and in fact agree bit for bit, which is why they still agree after 5000 candles of
 * running sums.
 */
class TaLibAgreementTest {
    private static final List<CandleSeries> SERIES =
            List.of(CandleSeries.random(1, 5000), CandleSeries.random(2, 5000), CandleSeries.random(3, 5000));
    private static final double TOLERANCE = 1e-9;

    private final Core core = new Core();
    private final MInteger begin = new MInteger();
    private final MInteger length = new MInteger();

    @Test
    void smaMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            for (int period : new int[] {20, 50, 200}) {
                Sma sma = new Sma(period);
                double[] expected = new double[s.size()];
                check(core.sma(0, s.size() - 1, s.close, period, begin, length, expected));
                assertAgrees("sma " + period, stream(s.close, sma::update), expected);
            }
            Sma volumeSma = new Sma(20);
            double[] expected = new double[s.size()];
            check(core.sma(0, s.size() - 1, s.volume, 20, begin, length, expected));
            assertAgrees("volume sma 20", stream(s.volume, volumeSma::update), expected);
        }
    }

    @Test
    void emaMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            for (int period : new int[] {2, 12, 26}) {
                Ema ema = new Ema(period);
                double[] expected = new double[s.size()];
                check(core.ema(0, s.size() - 1, s.close, period, begin, length, expected));
                assertAgrees("ema " + period, stream(s.close, ema::update), expected);
            }
        }
    }

    @Test
    void wmaMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            for (int period : new int[] {2, 20}) {
                Wma wma = new Wma(period);
                double[] expected = new double[s.size()];
                check(core.wma(0, s.size() - 1, s.close, period, begin, length, expected));
                assertAgrees("wma " + period, stream(s.close, wma::update), expected);
            }
        }
    }

    @Test
    void demaMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            Dema dema = new Dema(20);
            double[] expected = new double[s.size()];
            check(core.dema(0, s.size() - 1, s.close, 20, begin, length, expected));
            assertAgrees("dema", stream(s.close, dema::update), expected);
        }
    }

    @Test
    void temaMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            Tema tema = new Tema(20);
            double[] expected = new double[s.size()];
            check(core.tema(0, s.size() - 1, s.close, 20, begin, length, expected));
            assertAgrees("tema", stream(s.close, tema::update), expected);
        }
    }

    @Test
    void macdMatchesTaLibIncludingItsLateStartOfTheFastEma() {
        for (CandleSeries s : SERIES) {
            int n = s.size();
            double[] macd = new double[n];
            double[] signal = new double[n];
            double[] hist = new double[n];
            Macd m = new Macd(12, 26, 9);
            for (int i = 0; i < n; i++) {
                m.update(s.close[i]);
                macd[i] = m.macd;
                signal[i] = m.signal;
                hist[i] = m.hist;
            }
            double[] expectedMacd = new double[n];
            double[] expectedSignal = new double[n];
            double[] expectedHist = new double[n];
            check(core.macd(0, n - 1, s.close, 12, 26, 9, begin, length, expectedMacd, expectedSignal, expectedHist));
            assertAgrees("macd", macd, expectedMacd);
            assertAgrees("macd signal", signal, expectedSignal);
            assertAgrees("macd hist", hist, expectedHist);
        }
    }

    @Test
    void rsiMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            for (int period : new int[] {2, 14}) {
                Rsi rsi = new Rsi(period);
                double[] expected = new double[s.size()];
                check(core.rsi(0, s.size() - 1, s.close, period, begin, length, expected));
                assertAgrees("rsi " + period, stream(s.close, rsi::update), expected);
            }
        }
    }

    @Test
    void slowStochasticMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            for (int fastK : new int[] {5, 14}) {
                int n = s.size();
                double[] k = new double[n];
                double[] d = new double[n];
                Stochastic stoch = new Stochastic(fastK, 3, 3);
                for (int i = 0; i < n; i++) {
                    stoch.update(s.high[i], s.low[i], s.close[i]);
                    k[i] = stoch.k;
                    d[i] = stoch.d;
                }
                double[] expectedK = new double[n];
                double[] expectedD = new double[n];
                check(core.stoch(0, n - 1, s.high, s.low, s.close, fastK, 3, MAType.Sma, 3, MAType.Sma, begin,
                        length, expectedK, expectedD));
                assertAgrees("stoch k " + fastK, k, expectedK);
                assertAgrees("stoch d " + fastK, d, expectedD);
            }
        }
    }

    @Test
    void williamsRMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            WilliamsR willr = new WilliamsR(14);
            double[] actual = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                actual[i] = willr.update(s.high[i], s.low[i], s.close[i]);
            }
            double[] expected = new double[s.size()];
            check(core.willR(0, s.size() - 1, s.high, s.low, s.close, 14, begin, length, expected));
            assertAgrees("willr", actual, expected);
        }
    }

    @Test
    void cciMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            Cci cci = new Cci(20);
            double[] actual = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                actual[i] = cci.update(s.high[i], s.low[i], s.close[i]);
            }
            double[] expected = new double[s.size()];
            check(core.cci(0, s.size() - 1, s.high, s.low, s.close, 20, begin, length, expected));
            assertAgrees("cci", actual, expected);
        }
    }

    @Test
    void rocMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            Roc roc = new Roc(10);
            double[] expected = new double[s.size()];
            check(core.roc(0, s.size() - 1, s.close, 10, begin, length, expected));
            assertAgrees("roc", stream(s.close, roc::update), expected);
        }
    }

    @Test
    void momentumMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            Momentum mom = new Momentum(10);
            double[] expected = new double[s.size()];
            check(core.mom(0, s.size() - 1, s.close, 10, begin, length, expected));
            assertAgrees("mom", stream(s.close, mom::update), expected);
        }
    }

    @Test
    void bollingerBandsMatchTaLib() {
        for (CandleSeries s : SERIES) {
            int n = s.size();
            double[] upper = new double[n];
            double[] middle = new double[n];
            double[] lower = new double[n];
            BollingerBands bb = new BollingerBands(20, 2.0);
            for (int i = 0; i < n; i++) {
                bb.update(s.close[i]);
                upper[i] = bb.upper;
                middle[i] = bb.middle;
                lower[i] = bb.lower;
            }
            double[] expectedUpper = new double[n];
            double[] expectedMiddle = new double[n];
            double[] expectedLower = new double[n];
            check(core.bbands(0, n - 1, s.close, 20, 2.0, 2.0, MAType.Sma, begin, length,
                    expectedUpper, expectedMiddle, expectedLower));
            assertAgrees("bb upper", upper, expectedUpper);
            assertAgrees("bb middle", middle, expectedMiddle);
            assertAgrees("bb lower", lower, expectedLower);
        }
    }

    @Test
    void atrMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            Atr atr = new Atr(14);
            double[] actual = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                actual[i] = atr.update(s.high[i], s.low[i], s.close[i]);
            }
            double[] expected = new double[s.size()];
            check(core.atr(0, s.size() - 1, s.high, s.low, s.close, 14, begin, length, expected));
            assertAgrees("atr", actual, expected);
        }
    }

    @Test
    void natrMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            Natr natr = new Natr(14);
            double[] actual = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                actual[i] = natr.update(s.high[i], s.low[i], s.close[i]);
            }
            double[] expected = new double[s.size()];
            check(core.natr(0, s.size() - 1, s.high, s.low, s.close, 14, begin, length, expected));
            assertAgrees("natr", actual, expected);
        }
    }

    @Test
    void adxAndDirectionalIndicatorsMatchTaLib() {
        for (CandleSeries s : SERIES) {
            for (int period : new int[] {5, 14}) {
                int n = s.size();
                double[] adx = new double[n];
                double[] plusDi = new double[n];
                double[] minusDi = new double[n];
                Adx a = new Adx(period);
                for (int i = 0; i < n; i++) {
                    a.update(s.high[i], s.low[i], s.close[i]);
                    adx[i] = a.adx;
                    plusDi[i] = a.plusDi;
                    minusDi[i] = a.minusDi;
                }
                double[] expected = new double[n];
                check(core.adx(0, n - 1, s.high, s.low, s.close, period, begin, length, expected));
                assertAgrees("adx " + period, adx, expected);
                expected = new double[n];
                check(core.plusDI(0, n - 1, s.high, s.low, s.close, period, begin, length, expected));
                assertAgrees("+di " + period, plusDi, expected);
                expected = new double[n];
                check(core.minusDI(0, n - 1, s.high, s.low, s.close, period, begin, length, expected));
                assertAgrees("-di " + period, minusDi, expected);
            }
        }
    }

    @Test
    void obvMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            Obv obv = new Obv();
            double[] actual = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                actual[i] = obv.update(s.close[i], s.volume[i]);
            }
            double[] expected = new double[s.size()];
            check(core.obv(0, s.size() - 1, s.close, s.volume, begin, length, expected));
            assertAgrees("obv", actual, expected);
        }
    }

    @Test
    void mfiMatchesTaLib() {
        for (CandleSeries s : SERIES) {
            Mfi mfi = new Mfi(14);
            double[] actual = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                actual[i] = mfi.update(s.high[i], s.low[i], s.close[i], s.volume[i]);
            }
            double[] expected = new double[s.size()];
            check(core.mfi(0, s.size() - 1, s.high, s.low, s.close, s.volume, 14, begin, length, expected));
            assertAgrees("mfi", actual, expected);
        }
    }

    private static double[] stream(double[] in, DoubleUnaryOperator indicator) {
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = indicator.applyAsDouble(in[i]);
        }
        return out;
    }

    private static void check(RetCode code) {
        assertThat(code).isEqualTo(RetCode.Success);
    }

    /** {@code expected} is TA-Lib's output, which starts at {@code begin}. */
    private void assertAgrees(String what, double[] actual, double[] expected) {
        int first = begin.value;
        assertThat(length.value).as(what + ": TA-Lib output count").isEqualTo(actual.length - first);
        for (int i = 0; i < first; i++) {
            assertThat(actual[i]).as(what + " before warm-up, at " + i).isNaN();
        }
        for (int i = first; i < actual.length; i++) {
            double e = expected[i - first];
            if (!(Math.abs(actual[i] - e) <= TOLERANCE * Math.max(1.0, Math.abs(e)))) {
                throw new AssertionError(what + " at " + i + " (TA-Lib's first output at " + first + "): expected "
                        + e + " but was " + actual[i]);
            }
        }
    }
}
