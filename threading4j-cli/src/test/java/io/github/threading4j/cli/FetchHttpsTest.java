package io.github.threading4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.threading4j.support.ChildJvm;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https end to end: the JDK's own HTTPS server on 127.0.0.1 with a certificate made for the test by the JDK's
 * keytool (for the name {@code localhost} only). The fetcher must trust only what the JVM trusts, and must
 * check the server's name against the certificate: Apache HttpCore leaves that check off unless asked.
 */
class FetchHttpsTest {
    static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    static HttpsServer server;
    static int port;
    static Path trustStore;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.cer");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            byte[] body = "secure\n".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hung: " + out);
        assertEquals(0, p.exitValue(), out);
    }

    /** The fetch command in a child JVM that trusts the test's certificate, or (trusting = false) only the JDK's. */
    private static ChildJvm.Result fetch(boolean trusting, String... args) {
        List<String> jvm = trusting
                ? List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD)
                : List.of();
        String[] all = new String[args.length + 1];
        all[0] = "fetch";
        System.arraycopy(args, 0, all, 1, args.length);
        return ChildJvm.run(jvm, Main.class, all);
    }

    private static Map<String, Object> line(ChildJvm.Result r, String url) {
        return FetchEndToEndTest.byUrl(FetchEndToEndTest.jsonLines(r.stdout()), url);
    }

    /** A trusted certificate for the name asked: fetched, by the default client and by --http2's. */
    @Test
    void aTrustedServerIsFetched() {
        String url = "https://localhost:" + port + "/";
        for (String[] extra : new String[][] {{}, {"--http2"}}) {
            List<String> args = new ArrayList<>(List.of(extra));
            args.addAll(List.of("--retries", "0", url));
            ChildJvm.Result r = fetch(true, args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(200L, line(r, url).get("status"), r.toString());
            assertEquals((long) "secure\n".length(), line(r, url).get("bytes"), r.toString());
        }
    }

    /** The same trusted certificate at another name (the address, which it does not list): a TLS failure. */
    @Test
    void aCertificateForAnotherNameIsRefused() {
        String url = "https://127.0.0.1:" + port + "/";
        for (String[] extra : new String[][] {{}, {"--http2"}}) {
            List<String> args = new ArrayList<>(List.of(extra));
            args.addAll(List.of("--retries", "0", url));
            ChildJvm.Result r = fetch(true, args.toArray(String[]::new));
            assertEquals(1, r.exitCode(), r.toString());
            String error = (String) line(r, url).get("error");
            assertTrue(error != null && error.startsWith("tls:"), r.toString());
        }
    }

    /** A certificate the JVM does not trust: a TLS failure, not an answer. */
    @Test
    void anUntrustedServerIsRefused() {
        String url = "https://localhost:" + port + "/";
        ChildJvm.Result r = fetch(false, "--retries", "0", url);
        assertEquals(1, r.exitCode(), r.toString());
        String error = (String) line(r, url).get("error");
        assertTrue(error != null && error.startsWith("tls:"), r.toString());
    }
}
