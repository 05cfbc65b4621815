/**
 * The engine of {@code threading4j fetch}: {@link io.github.threading4j.cli.fetch.Fetcher} reads URL lines
 * and runs each on threading4j's executors under an in-flight cap, a per-origin cap and a
 * {@link io.github.threading4j.ratelimit.RateLimiter}; {@link io.github.threading4j.cli.fetch.RetryPolicy}
 * decides retries; {@link io.github.threading4j.cli.fetch.HttpGetter} is the one seam to the HTTP client
 * (Apache HttpCore 5 by default, chosen by measurement; the JDK's as the alternative);
 * {@link io.github.threading4j.cli.fetch.ResultWriter} writes table, JSON lines (Jackson) or CSV (Commons
 * CSV); {@link io.github.threading4j.cli.fetch.Summary} counts and takes percentiles (HdrHistogram).
 *
 * <p>Ordering: results are written in completion order, one whole line at a time, under one output lock.
 */
package io.github.threading4j.cli.fetch;
