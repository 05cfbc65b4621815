package io.github.threading4j.examples;

import io.github.threading4j.UncheckedInterruptedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The examples' {@code urllib.request.urlopen} / {@code requests.get}: one GET with the JDK's
 * {@link HttpClient}, the body read whole. The examples fetch only from the embedded
 * {@link io.github.threading4j.examples.server.DelayServer} on 127.0.0.1.
 */
public final class Http {
    private Http() {}

    /** What one GET returned. */
    public record Page(URI url, int status, String body) {
        public int size() {
            return body.length(); // the server answers in ASCII: one char per byte
        }
    }

    /** A client with a five-second connect timeout (Python's {@code timeout=5}). */
    public static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * GETs {@code url}: {@code requests.get(url)}, which returns any status. I/O failures become
     * {@link UncheckedIOException}, so that the call fits in a {@code Function} or {@code Callable} alike.
     */
    public static Page get(HttpClient client, URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(url, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(url + ": " + e, e);
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.restore(e);
        }
    }

    /** {@code urllib.request.urlopen(url)}: as {@link #get}, but a status other than 2xx is an error. */
    public static Page urlopen(HttpClient client, URI url) {
        Page page = get(client, url);
        if (page.status() / 100 != 2) {
            String message = "HTTP Error " + page.status() + ": " + url; // urllib's HTTPError
            throw new UncheckedIOException(message, new IOException(message));
        }
        return page;
    }

    /** The server path {@code /delay/MS/NAME} for {@code seconds} tutorial seconds of latency at {@code pace}. */
    public static String delayPath(Pace pace, double seconds, String name) {
        return "/delay/" + pace.seconds(seconds).toMillis() + "/" + name;
    }
}
