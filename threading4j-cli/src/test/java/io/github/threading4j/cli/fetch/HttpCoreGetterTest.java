package io.github.threading4j.cli.fetch;

import java.time.Duration;

/** The default client, Apache HttpCore 5. */
class HttpCoreGetterTest extends HttpGetterContract {
    @Override
    HttpGetter getter(int maxConnections, Duration timeout, Runnable beforeSend) {
        return new HttpCoreGetter(maxConnections, timeout, beforeSend);
    }
}
