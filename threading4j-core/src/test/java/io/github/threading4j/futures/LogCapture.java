package io.github.threading4j.futures;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the package logs on its System.Logger (backed by java.util.logging by default), the way
 * CPython's tests capture stderr or use assertLogs. Use with try-with-resources.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.github.threading4j.futures");
    private final boolean useParent;
    private final List<LogRecord> records = new ArrayList<>();

    LogCapture() {
        useParent = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Every record as "LEVEL message" followed by its throwable's stack trace, like logging's output. */
    synchronized String text() {
        StringBuilder sb = new StringBuilder();
        for (LogRecord r : records) {
            sb.append(r.getLevel()).append(' ').append(r.getMessage()).append('\n');
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                sb.append(w);
            }
        }
        return sb.toString();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(useParent);
    }
}
