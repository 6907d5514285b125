package dev.tlsconsole.probe;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.tlsconsole.policy.effective.TlsVersion;

/**
 * The handshakes of one probe, as a TLS client that stops after the handshake and never sends
 * application data (Genesys ports speak their own protocol afterwards).
 *
 * <p>TLS 1.3 and 1.2 are real JSSE handshakes with the probe's own {@link SSLContext}: a trust manager
 * that accepts and records any chain (the console judges it afterwards against the client's
 * {@code trusted-ca}) and a key manager that records being asked for a client certificate — the
 * server's CertificateRequest and the CAs it names — and offers none. TLS 1.0 and 1.1 cannot be
 * negotiated by JSSE in this JVM: {@code jdk.tls.disabledAlgorithms} refuses them JVM-wide and no
 * per-context setting lifts that, and changing the property would weaken the console's own server. For
 * those two the probe sends a JSSE-built ClientHello whose version field offers only that version and
 * reads the server's answer: a ServerHello of that version means the server accepts it.
 *
 * <p>Each attempt is bounded by {@code timeout}: the socket is closed when it runs out. Thread-safe.
 */
final class TlsProber implements AutoCloseable {

    private static final int HANDSHAKE = 0x16;
    private static final int ALERT = 0x15;
    private static final int SUPPORTED_VERSIONS = 43;

    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "probe-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    TlsProber(Duration timeout) {
        this.timeout = timeout;
    }

    /** What the handshakes showed; {@code chain} is DER, leaf first; {@code cipher} and {@code chain} come from the highest accepted version JSSE could complete. */
    record Observation(boolean reachable, boolean tls, List<TlsVersion> protocols, Optional<String> cipher,
            List<byte[]> chain, boolean clientCertificateRequested, List<String> acceptedIssuers) {
    }

    /** Probes {@code address}; {@code serverName} is sent as SNI when it is a host name. */
    Observation probe(InetSocketAddress address, String serverName) {
        if (!reachable(address)) {
            return new Observation(false, false, List.of(), Optional.empty(), List.of(), false, List.of());
        }
        Evidence evidence = new Evidence();
        for (TlsVersion version : List.of(TlsVersion.TLSv13, TlsVersion.TLSv12)) {
            handshake(address, serverName, version, evidence);
            if (evidence.plain) {
                break;
            }
        }
        if (!evidence.plain) {
            for (TlsVersion version : List.of(TlsVersion.TLSv11, TlsVersion.TLSv1)) {
                hello(address, serverName, version, evidence);
            }
        }
        List<TlsVersion> accepted = evidence.accepted.stream().sorted().toList();
        return new Observation(true, evidence.tls, accepted, Optional.ofNullable(evidence.cipher),
                evidence.chain, evidence.clientCertificateRequested, List.copyOf(evidence.acceptedIssuers));
    }

    private boolean reachable(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What the attempts have shown so far. */
    private static final class Evidence {
        final Set<TlsVersion> accepted = new LinkedHashSet<>();
        final Set<String> acceptedIssuers = new LinkedHashSet<>();
        boolean tls;
        boolean plain;
        boolean clientCertificateRequested;
        String cipher;
        List<byte[]> chain = List.of();

        /** The first byte a server answers a ClientHello with: a TLS record type, or anything else for plain TCP. */
        void firstByte(int value) {
            if (value == HANDSHAKE || value == ALERT) {
                tls = true;
            } else if (!tls) {
                plain = true;
            }
        }
    }

    private void handshake(InetSocketAddress address, String serverName, TlsVersion version, Evidence evidence) {
        Recorder recorder = new Recorder();
        try (Socket plain = new FirstByteSocket(evidence)) {
            ScheduledFuture<?> deadline = watchdog.schedule(() -> closeQuietly(plain), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                plain.connect(address, (int) timeout.toMillis());
                plain.setSoTimeout((int) timeout.toMillis());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[] {recorder}, new TrustManager[] {recorder.trustManager()}, null);
                try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain,
                        address.getAddress().getHostAddress(), address.getPort(), false)) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setProtocols(new String[] {jsseName(version)});
                    sni(serverName).ifPresent(sni -> parameters.setServerNames(List.of(sni)));
                    socket.setSSLParameters(parameters);
                    socket.startHandshake();
                    // stop here: the session is up, nothing is written on it
                    recorder.completed(socket.getSession());
                }
            } finally {
                deadline.cancel(false);
            }
        } catch (IOException | GeneralSecurityException e) {
            // a refused version, a plain port or a timeout: what the server sent before says which (Evidence)
        }
        // a server that asked for a client certificate and then refused the handshake without one did negotiate the version
        if (recorder.protocol != null && (recorder.completed || recorder.asked)) {
            evidence.accepted.add(version);
            evidence.tls = true;
            if (evidence.cipher == null) {
                evidence.cipher = recorder.cipher;
                evidence.chain = recorder.chain;
            }
        }
        if (recorder.asked) {
            evidence.clientCertificateRequested = true;
            evidence.acceptedIssuers.addAll(recorder.issuers);
        }
    }

    private void hello(InetSocketAddress address, String serverName, TlsVersion version, Evidence evidence) {
        try (Socket socket = new Socket()) {
            ScheduledFuture<?> deadline = watchdog.schedule(() -> closeQuietly(socket), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                socket.connect(address, (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(clientHello(address, serverName, version));
                out.flush();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] head = new byte[11];
                in.readFully(head);
                evidence.firstByte(head[0] & 0xff);
                // record header (5), handshake type 2 = ServerHello, its length (3), then server_version
                if ((head[0] & 0xff) == HANDSHAKE && head[5] == 2 && head[9] == 3 && head[10] == minor(version)) {
                    evidence.accepted.add(version);
                }
            } finally {
                deadline.cancel(false);
            }
        } catch (IOException | GeneralSecurityException e) {
            // refused (closed or timed out): nothing learned beyond what was recorded
        }
    }

    /** A ClientHello JSSE builds for TLS 1.2, with its version fields lowered to offer only {@code version}. */
    private static byte[] clientHello(InetSocketAddress address, String serverName, TlsVersion version)
            throws GeneralSecurityException, SSLException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new Recorder().trustManager()}, null);
        SSLEngine engine = context.createSSLEngine(address.getAddress().getHostAddress(), address.getPort());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.2"});
        sni(serverName).ifPresent(sni -> parameters.setServerNames(List.of(sni)));
        engine.setSSLParameters(parameters);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.beginHandshake();
        SSLEngineResult result = engine.wrap(ByteBuffer.allocate(0), out);
        if (result.bytesProduced() < 11) {
            throw new SSLException("no ClientHello was produced");
        }
        byte[] hello = Arrays.copyOf(out.array(), out.position());
        hello[1] = 3;
        hello[2] = minor(version);
        hello[9] = 3;
        hello[10] = minor(version);
        lowerSupportedVersions(ByteBuffer.wrap(hello), version);
        return hello;
    }

    /**
     * JSSE also lists TLS 1.2 in a supported_versions extension (RFC 8446 §4.2.1), which servers prefer
     * over the version field: it is rewritten to offer only {@code version} as well.
     */
    private static void lowerSupportedVersions(ByteBuffer hello, TlsVersion version) {
        // record header 5, handshake header 4, client_version 2, random 32
        hello.position(5 + 4 + 2 + 32);
        skip(hello, hello.get() & 0xff); // session id
        skip(hello, hello.getShort() & 0xffff); // cipher suites
        skip(hello, hello.get() & 0xff); // compression methods
        int extensions = hello.getShort() & 0xffff;
        int end = hello.position() + extensions;
        while (hello.position() + 4 <= end) {
            int type = hello.getShort() & 0xffff;
            int length = hello.getShort() & 0xffff;
            if (type == SUPPORTED_VERSIONS && length == 3) {
                hello.put(hello.position() + 1, (byte) 3);
                hello.put(hello.position() + 2, minor(version));
            }
            skip(hello, length);
        }
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes);
    }

    private static byte minor(TlsVersion version) {
        return switch (version) {
            case SSLv3 -> 0;
            case TLSv1 -> 1;
            case TLSv11 -> 2;
            case TLSv12 -> 3;
            case TLSv13 -> 4;
        };
    }

    static String jsseName(TlsVersion version) {
        return switch (version) {
            case SSLv3 -> "SSLv3";
            case TLSv1 -> "TLSv1";
            case TLSv11 -> "TLSv1.1";
            case TLSv12 -> "TLSv1.2";
            case TLSv13 -> "TLSv1.3";
        };
    }

    private static Optional<SNIHostName> sni(String serverName) {
        if (serverName == null || serverName.isBlank() || serverName.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                || serverName.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SNIHostName(serverName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing on timeout: the attempt fails with the socket closed, which is the point
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    /** A plain socket that tells {@link Evidence} the first byte the server sent. */
    private static final class FirstByteSocket extends Socket {
        private final Evidence evidence;
        private InputStream in;

        FirstByteSocket(Evidence evidence) {
            this.evidence = evidence;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    private boolean seen;

                    @Override
                    public int read() throws IOException {
                        int value = super.read();
                        see(value);
                        return value;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int count = super.read(buffer, offset, length);
                        if (count > 0) {
                            see(buffer[offset] & 0xff);
                        }
                        return count;
                    }

                    private void see(int value) {
                        if (!seen && value >= 0) {
                            seen = true;
                            evidence.firstByte(value);
                        }
                    }
                };
            }
            return in;
        }
    }

    /**
     * Trusts any chain and records it (the console judges it afterwards), records a CertificateRequest
     * and the CAs it names, and presents no client certificate.
     */
    private static final class Recorder extends X509ExtendedKeyManager {
        volatile boolean asked;
        volatile boolean completed;
        volatile String protocol;
        volatile String cipher;
        volatile List<byte[]> chain = List.of();
        final List<String> issuers = new ArrayList<>();

        void completed(SSLSession session) {
            completed = true;
            protocol = session.getProtocol();
            cipher = session.getCipherSuite();
        }

        private void seen(X509Certificate[] presented, Socket socket) {
            List<byte[]> der = new ArrayList<>();
            for (X509Certificate certificate : presented) {
                der.add(dev.tlsconsole.certificates.facts.PresentedChains.der(certificate));
            }
            chain = List.copyOf(der);
            if (socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null) {
                protocol = ssl.getHandshakeSession().getProtocol();
                cipher = ssl.getHandshakeSession().getCipherSuite();
            }
        }

        TrustManager trustManager() {
            return new X509ExtendedTrustManager() {
                @Override
                public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
                    seen(presented, socket);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
                    // the engine only builds a ClientHello; it never gets this far
                }

                @Override
                public void checkServerTrusted(X509Certificate[] presented, String authType) {
                    seen(presented, null);
                }

                @Override
                public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket) {
                    throw new UnsupportedOperationException("the probe is a client");
                }

                @Override
                public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
                    throw new UnsupportedOperationException("the probe is a client");
                }

                @Override
                public void checkClientTrusted(X509Certificate[] presented, String authType) {
                    throw new UnsupportedOperationException("the probe is a client");
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] acceptedIssuers, Socket socket) {
            asked = true;
            if (acceptedIssuers != null) {
                synchronized (issuers) {
                    for (Principal issuer : acceptedIssuers) {
                        issuers.add(issuer.getName());
                    }
                }
            }
            return null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] acceptedIssuers, SSLEngine engine) {
            return chooseClientAlias(keyType, acceptedIssuers, null);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] acceptedIssuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] acceptedIssuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] acceptedIssuers) {
            return new String[0];
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[0];
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return null;
        }
    }
}
