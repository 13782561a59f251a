package io.jonbu.ohlcv.serving;

import io.jonbu.ohlcv.sql.EmbeddedDatabase;

/** A serving server on a fresh embedded PostgreSQL with the schema, and a client to it; one per test class. */
final class RunningServer implements AutoCloseable {
    final EmbeddedDatabase db;
    final ServingServer server;
    final int port;
    final ApiClient api;

    private RunningServer(EmbeddedDatabase db) {
        this.db = db;
        this.server = new ServingServer(db.dataSource(), 0);
        this.port = server.start();
        this.api = new ApiClient(port);
    }

    static RunningServer start() {
        return new RunningServer(EmbeddedDatabase.startTemporary());
    }

    @Override
    public void close() {
        api.close();
        server.close();
        db.close();
    }
}
