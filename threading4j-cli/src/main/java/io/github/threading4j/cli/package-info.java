/**
 * The {@code threading4j} command (picocli): {@link io.github.threading4j.cli.Main} and its subcommands,
 * {@code fetch} (the main job: a concurrent, rate-limited URL fetcher) and {@code bench} (run from
 * threading4j-bench's own jar by the {@code ./threading4j} launcher). The engine of fetch lives in
 * {@link io.github.threading4j.cli.fetch}.
 */
package io.github.threading4j.cli;
