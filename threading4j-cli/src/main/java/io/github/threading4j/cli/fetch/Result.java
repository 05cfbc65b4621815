package io.github.threading4j.cli.fetch;

/**
 * One URL's outcome, as each output format writes it.
 *
 * @param url the input line (trimmed)
 * @param status the final HTTP status, or null when no answer came
 * @param bytes body bytes received (of the last attempt)
 * @param latencyMs from the first attempt going out to the end of the last one, in milliseconds
 * @param attempts requests sent (0 for a line that is not a URL)
 * @param error null on success; otherwise the kind's label, a colon and what happened
 * @param kind null on success
 */
public record Result(String url, Integer status, long bytes, double latencyMs, int attempts, String error,
        ErrorKind kind) {
    public boolean ok() {
        return error == null;
    }
}
