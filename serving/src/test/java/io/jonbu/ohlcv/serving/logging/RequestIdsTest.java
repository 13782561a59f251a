package io.jonbu.ohlcv.serving.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.serving.ServingServer;
import io.jonbu.ohlcv.serving.health.HealthHandler;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.StringWriter;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    private final OkHttpClient http = new OkHttpClient();

    private Response get(int port, String id) throws Exception {
        Request.Builder request = new Request.Builder().url("http://localhost:" + port + "/api/v1/health");
        if (id != null) {
            request.header(RequestIds.HEADER, id);
        }
        return http.newCall(request.build()).execute();
    }

    @Test
    void eachAnswerCarriesTheCallersIdWhenItIsATokenElseANewOne() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary(); ServingServer server = new ServingServer(db.dataSource(), 0)) {
            int port = server.start();
            try (Response r = get(port, "lb-7f3a:42")) {
                assertThat(r.header(RequestIds.HEADER)).isEqualTo("lb-7f3a:42");
            }
            String first;
            try (Response r = get(port, null)) {
                first = r.header(RequestIds.HEADER);
                assertThat(first).matches("[0-9a-f-]{36}");
            }
            try (Response r = get(port, null)) {
                assertThat(r.header(RequestIds.HEADER)).matches("[0-9a-f-]{36}").isNotEqualTo(first);
            }
            try (Response r = get(port, "two words\" injected=1")) {
                assertThat(r.header(RequestIds.HEADER)).as("not a token: replaced").matches("[0-9a-f-]{36}");
            }
        }
    }

    @Test
    void whatIsLoggedWhileARequestIsHandledCarriesItsId() throws Exception {
        StringWriter logged = new StringWriter();
        Logger logger = (Logger) LogManager.getLogger(HealthHandler.class);
        WriterAppender appender = WriterAppender.newBuilder().setName("request-ids").setTarget(logged)
                .setLayout(PatternLayout.newBuilder().withPattern("%X{request_id}|%m%n").build()).build();
        appender.start();
        logger.addAppender(appender);
        Level before = logger.getLevel();
        logger.setLevel(Level.WARN);
        EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
        try (ServingServer server = new ServingServer(db.dataSource(), 0)) {
            int port = server.start();
            db.close();
            try (Response r = get(port, "trace-42")) {
                assertThat(r.code()).isEqualTo(503);
            }
            assertThat(logged.toString()).contains("trace-42|database health check failed");
        } finally {
            logger.removeAppender(appender);
            logger.setLevel(before);
            appender.stop();
        }
    }
}
