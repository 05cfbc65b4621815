package io.github.threading4j.futures;

/**
 * The five states of a {@link Future}, as CPython's {@code concurrent.futures._base} names them.
 *
 * <p>Legal transitions and their triggers (no other transition exists; a done future never changes again
 * except CANCELLED to CANCELLED_AND_NOTIFIED):
 * <pre>
 * PENDING   --cancel()-------------------------&gt; CANCELLED
 * PENDING   --setRunningOrNotifyCancel()-------&gt; RUNNING
 * CANCELLED --setRunningOrNotifyCancel()-------&gt; CANCELLED_AND_NOTIFIED
 * PENDING   --setResult() / setException()-----&gt; FINISHED
 * RUNNING   --setResult() / setException()-----&gt; FINISHED
 * </pre>
 */
public enum FutureState {
    /** Created, not started, not cancelled. */
    PENDING,
    /** An executor took it ({@code setRunningOrNotifyCancel()} returned true); it can no longer be cancelled. */
    RUNNING,
    /** Cancelled while pending; no executor has seen the cancellation yet. */
    CANCELLED,
    /** Cancelled, and the executor that would have run it has seen that. */
    CANCELLED_AND_NOTIFIED,
    /** Completed with a result or an exception. */
    FINISHED
}
