package io.github.threading4j.cli.fetch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes result lines in one format. Not thread-safe: the fetcher calls it under its output lock. */
public interface ResultWriter extends AutoCloseable {
    /** The formats --format accepts. */
    enum Format { table, jsonl, csv }

    void write(Result r) throws IOException;

    void flush() throws IOException;

    @Override
    void close() throws IOException;

    static ResultWriter of(Format format, Writer out) throws IOException {
        return switch (format) {
            case jsonl -> new Jsonl(out);
            case csv -> new Csv(out);
            case table -> new Table(out);
        };
    }

    /** One JSON object per line: url, status (number or null), bytes, latency_ms, attempts, error. */
    final class Jsonl implements ResultWriter {
        private final JsonGenerator g;

        Jsonl(Writer out) throws IOException {
            g = new JsonFactory().createGenerator(out);
            g.setRootValueSeparator(null); // each object ends its own line
        }

        @Override
        public void write(Result r) throws IOException {
            g.writeStartObject();
            g.writeStringField("url", r.url());
            g.writeFieldName("status");
            if (r.status() == null) {
                g.writeNull();
            } else {
                g.writeNumber(r.status());
            }
            g.writeNumberField("bytes", r.bytes());
            g.writeNumberField("latency_ms", Math.round(r.latencyMs() * 10) / 10.0);
            g.writeNumberField("attempts", r.attempts());
            g.writeStringField("error", r.error());
            g.writeEndObject();
            g.writeRaw('\n');
        }

        @Override
        public void flush() throws IOException {
            g.flush();
        }

        @Override
        public void close() throws IOException {
            g.close();
        }
    }

    /** RFC 4180 CSV with a header row: url,status,bytes,latency_ms,attempts,error. */
    final class Csv implements ResultWriter {
        private final CSVPrinter p;

        Csv(Writer out) throws IOException {
            p = CSVFormat.RFC4180.builder().setHeader("url", "status", "bytes", "latency_ms", "attempts", "error")
                    .setRecordSeparator('\n').get().print(out);
        }

        @Override
        public void write(Result r) throws IOException {
            p.printRecord(r.url(), r.status() == null ? "" : r.status(), r.bytes(),
                    String.format(Locale.ROOT, "%.1f", r.latencyMs()), r.attempts(), r.error() == null ? "" : r.error());
        }

        @Override
        public void flush() throws IOException {
            p.flush();
        }

        @Override
        public void close() throws IOException {
            p.close(true);
        }
    }

    /** Aligned columns for a person at a terminal: STATUS BYTES LATENCY TRIES URL, then the error. */
    final class Table implements ResultWriter {
        private final Writer out;

        Table(Writer out) throws IOException {
            this.out = out;
            out.write(String.format(Locale.ROOT, "%-6s %10s %10s %5s  %s%n", "STATUS", "BYTES", "LATENCY", "TRIES", "URL"));
        }

        @Override
        public void write(Result r) throws IOException {
            out.write(String.format(Locale.ROOT, "%-6s %10d %7.0f ms %5d  %s%s%n",
                    r.status() == null ? "-" : r.status().toString(), r.bytes(), r.latencyMs(), r.attempts(),
                    r.url(), r.error() == null ? "" : "  " + r.error()));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
