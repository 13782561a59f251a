package io.jonbu.ohlcv.job.sink;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;
import org.apache.flink.connector.jdbc.internal.JdbcOutputFormat;
import org.apache.flink.connector.jdbc.internal.JdbcOutputSerializer;
import org.apache.flink.connector.jdbc.internal.executor.JdbcBatchStatementExecutor;

/**
 * flink-connector-jdbc's at-least-once sink with a batch of our own: {@code JdbcSink} always builds its
 * simple executor, one statement per record, so this sink drives the same {@code JdbcOutputFormat} (batch
 * size and interval, retries, reconnects) with {@link NewestPerKeyExecutor}. Like {@code JdbcSink.buildAtLeastOnce}
 * it writes its batch at every checkpoint and at the end of input, and keeps no state: a replay after a failure
 * writes rows again, which the upserts make harmless.
 */
final class UpsertJdbcSink<T> implements Sink<T> {
    private final JdbcConnectionOptions connection;
    private final JdbcExecutionOptions batching;
    private final JdbcOutputFormat.StatementExecutorFactory<JdbcBatchStatementExecutor<T>> executor;

    UpsertJdbcSink(JdbcConnectionOptions connection, JdbcExecutionOptions batching,
            JdbcOutputFormat.StatementExecutorFactory<JdbcBatchStatementExecutor<T>> executor) {
        this.connection = connection;
        this.batching = batching;
        this.executor = executor;
    }

    // Flink 1.20 calls the WriterInitContext overload, whose default adapts to this one, as JdbcSink relies on
    @SuppressWarnings("deprecation")
    @Override
    public SinkWriter<T> createWriter(InitContext context) throws IOException {
        JdbcOutputFormat<T, T, JdbcBatchStatementExecutor<T>> output =
                new JdbcOutputFormat<>(new SimpleJdbcConnectionProvider(connection), batching, executor);
        output.open(JdbcOutputSerializer.of(context.<T>createInputSerializer(), context.isObjectReuseEnabled()));
        return new Writer<>(output);
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final JdbcOutputFormat<T, T, JdbcBatchStatementExecutor<T>> output;

        Writer(JdbcOutputFormat<T, T, JdbcBatchStatementExecutor<T>> output) {
            this.output = output;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            output.writeRecord(element);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            output.flush();
            output.checkFlushException();
        }

        @Override
        public void close() {
            output.close();
        }
    }
}
