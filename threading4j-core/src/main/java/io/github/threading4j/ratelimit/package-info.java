/**
 * Rate limits: {@link io.github.threading4j.ratelimit.RateLimiter}, a token bucket.
 *
 * <p>Python's standard library has no rate limiter; the tutorials this project follows call a
 * {@code Semaphore(rate_limit)} a "rate limit", but a semaphore caps how many calls run <em>at once</em>,
 * not how many <em>start per second</em>: ten fast calls under {@code Semaphore(10)} can start a
 * thousand times a second. This package holds the real thing. The two compose: the fetcher takes a
 * semaphore permit (concurrency) and then a rate-limiter token (pace), in that order, just before a
 * request goes out.
 *
 * <p>Ordering: tokens are handed out in the order in which callers reserve them (one compare-and-set on
 * one word decides), so no caller starves; a caller whose reservation lies in the future waits for it
 * outside any lock.
 */
package io.github.threading4j.ratelimit;
