package dev.tlsconsole.probe;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Assumptions;

import dev.tlsconsole.certificates.x509.IssuedCertificate;
import dev.tlsconsole.certificates.x509.PemExporter;

/**
 * Real servers on 127.0.0.1 for the probe to connect to: plain TCP, JSSE {@link SSLServerSocket}s and
 * {@code openssl s_server}. Each serves until closed; a handshake that fails is the server refusing
 * what the probe offered, which is what the tests look at.
 */
public final class TestPorts {

    private TestPorts() {
    }

    /** A server the test closes when done. */
    public interface Server extends Closeable {
        int port();

        @Override
        void close();
    }

    /** Answers every connection with a line of text and closes it: a port that does not speak TLS. */
    public static Server plainTcp() {
        ServerSocket socket = bind();
        Thread thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.getOutputStream().write("PLAIN SERVICE READY\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the listening socket was closed by close(): the loop ends
                }
            }
        }, "plain-tcp-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
        return new Server() {
            @Override
            public int port() {
                return socket.getLocalPort();
            }

            @Override
            public void close() {
                closeQuietly(socket);
            }
        };
    }

    /**
     * A JSSE server presenting {@code chain} with {@code key}, speaking only {@code protocols}; with
     * {@code clientCa} it requires a client certificate issued by it (and names it in its CertificateRequest).
     */
    public static Server jsse(List<X509Certificate> chain, PrivateKey key, List<String> protocols, X509Certificate clientCa) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", key, new char[0], chain.toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            if (clientCa != null) {
                trusted.setCertificateEntry("client-ca", clientCa);
            }
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            socket.setEnabledProtocols(protocols.toArray(String[]::new));
            socket.setNeedClientAuth(clientCa != null);
            Thread thread = new Thread(() -> serve(socket), "jsse-" + socket.getLocalPort());
            thread.setDaemon(true);
            thread.start();
            return new Server() {
                @Override
                public int port() {
                    return socket.getLocalPort();
                }

                @Override
                public void close() {
                    closeQuietly(socket);
                }
            };
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the test server does not start", e);
        }
    }

    private static void serve(SSLServerSocket socket) {
        while (!socket.isClosed()) {
            try (SSLSocket client = (SSLSocket) socket.accept()) {
                client.setSoTimeout(5_000);
                client.startHandshake();
                // the probe sends no application data: this returns when it closes the connection
                client.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // a refused handshake (the probe offered what this server does not speak) or close()
            }
        }
    }

    /**
     * {@code openssl s_server} with {@code options} (e.g. {@code -tls1}); skipped with a message where
     * openssl is not installed, except on CI, which installs it.
     */
    public static Server openssl(IssuedCertificate leaf, List<X509Certificate> chain, Path dir, String... options) {
        dev.tlsconsole.certificates.OpenSslCli.requireAvailable();
        try {
            Path cert = Files.writeString(dir.resolve("server-" + System.nanoTime() + ".pem"), PemExporter.certificates(chain));
            Path key = Files.writeString(dir.resolve("server-" + System.nanoTime() + ".key"), PemExporter.privateKey(leaf.privateKey()));
            int port = freePort();
            List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                    "-cert", cert.toString(), "-key", key.toString(), "-quiet"));
            command.addAll(List.of(options));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s_server-" + port + ".log").toFile()).start();
            try {
                awaitListening(port, process);
            } catch (RuntimeException | AssertionError e) {
                process.destroyForcibly();
                throw e;
            }
            return new Server() {
                @Override
                public int port() {
                    return port;
                }

                @Override
                public void close() {
                    process.destroy();
                    try {
                        if (!process.waitFor(5, TimeUnit.SECONDS)) {
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        process.destroyForcibly();
                    }
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException("openssl s_server does not start", e);
        }
    }

    private static void awaitListening(int port, Process process) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().untilAsserted(() -> {
            if (!process.isAlive()) {
                fail("openssl s_server exited with " + process.exitValue());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerSocket bind() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            Assumptions.abort("closing a test server failed: " + e.getMessage());
        }
    }
}
