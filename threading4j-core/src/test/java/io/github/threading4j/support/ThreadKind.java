package io.github.threading4j.support;

import java.util.concurrent.ThreadFactory;

/** The two kinds of thread every primitive is tested on. */
public enum ThreadKind {
    PLATFORM {
        @Override
        public Thread unstarted(Runnable body) {
            Thread t = new Thread(body);
            t.setDaemon(true);
            return t;
        }
    },
    VIRTUAL {
        @Override
        public Thread unstarted(Runnable body) {
            return Thread.ofVirtual().unstarted(body);
        }
    };

    /** A new, unstarted thread of this kind (platform threads are daemons, so a hung test cannot keep the JVM). */
    public abstract Thread unstarted(Runnable body);

    /** A new started thread of this kind. */
    public Thread start(Runnable body) {
        Thread t = unstarted(body);
        t.start();
        return t;
    }

    public ThreadFactory factory() {
        return this::unstarted;
    }
}
