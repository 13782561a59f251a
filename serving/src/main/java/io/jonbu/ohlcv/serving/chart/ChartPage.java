package io.jonbu.ohlcv.serving.chart;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Properties;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * {@code GET /}: a live candlestick chart of the API, for people. The page and its script are plain
 * files of this jar (no build step) under {@code /chart/}; ECharts comes from its webjar under
 * {@code /webjars/}, so the server needs nothing from the network and neither does the browser.
 */
public final class ChartPage {
    /** Where the page's files are served; they carry no data, so they need no API key. */
    public static final String ASSETS_PATH = "/chart/";
    /** Where Javalin serves the webjars on the classpath. */
    public static final String WEBJARS_PATH = "/webjars/";

    private static final String DIRECTORY = "/io/jonbu/ohlcv/serving/chart";
    // the page names the webjar's versioned path; taking the version from the jar on the classpath
    // keeps the page right when the pom moves to another ECharts
    private static final String ECHARTS_VERSION = echartsVersion();
    private static final byte[] PAGE = load(DIRECTORY + "/index.html")
            .replace("{{echarts.version}}", ECHARTS_VERSION)
            .getBytes(StandardCharsets.UTF_8);

    private ChartPage() {}

    /** Serves the page's script and ECharts from the classpath, where no path may climb out of them. */
    public static void serveAssets(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(handler ->
                handler.addFilter(new FilterHolder(new ClimbingPathFilter()), "/*", EnumSet.of(DispatcherType.REQUEST)));
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = ASSETS_PATH.substring(0, ASSETS_PATH.length() - 1);
            files.directory = DIRECTORY;
            files.location = Location.CLASSPATH;
        });
    }

    public static void page(Context ctx) {
        ctx.contentType(ContentType.TEXT_HTML).result(PAGE);
    }

    private static String echartsVersion() {
        Properties pom = new Properties();
        try (InputStream in = ChartPage.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the ECharts webjar (org.webjars.npm:echarts) is missing from the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String load(String resource) {
        try (InputStream in = ChartPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the serving jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
