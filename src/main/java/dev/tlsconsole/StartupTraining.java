package dev.tlsconsole;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The training run of the production launch (issue 18, {@code docker/start-console.sh}): with
 * {@code -Dconsole.startup-training=true} the console starts on a port of its own and, once ready, sends itself
 * the requests a freshly started instance answers first — the health check, the login page and its stylesheet,
 * a page that redirects to the login, an API read without credentials — over HTTPS, then stops and exits. The
 * JVM then writes its CDS archive (Java 17) or AOT cache (Java 24+) with the classes and method profiles of those
 * requests too (TLS handshakes, Tomcat's request path, the security filter chains at run time, actuator, MVC,
 * Thymeleaf, Jackson), not only of the context refresh.
 * <p>
 * The client trusts exactly the console's own certificate (the {@code console} SSL bundle), whatever name it was
 * issued for, sends no credentials and changes nothing (not even an audit entry: no wrong token is tried).
 * Registered in {@code META-INF/spring.factories}, not as a bean, so it is there under Spring AOT too and costs
 * nothing when the property is absent.
 */
public class StartupTraining implements ApplicationListener<SpringApplicationEvent> {

    static final String PROPERTY = "console.startup-training";

    /** Rounds of the request set: enough for the method profiles to see the request path as used, not as a one-off. */
    private static final int ROUNDS = 20;

    private static final Log log = LogFactory.getLog(StartupTraining.class);

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared
                && prepared.getEnvironment().getProperty(PROPERTY, Boolean.class, false)) {
            // a port of its own, above the command line's: whoever waits for the console on its configured port
            // (a health check, a load balancer, StartupBenchmark) must not take the training run for the console
            Map<String, Object> ownPorts = new HashMap<>(Map.of("server.port", 0));
            if (prepared.getEnvironment().containsProperty("console.http-redirect-port")) {
                ownPorts.put("console.http-redirect-port", 0);
            }
            prepared.getEnvironment().getPropertySources().addFirst(new MapPropertySource("startupTraining", ownPorts));
        } else if (event instanceof ApplicationReadyEvent ready) {
            startTraining(ready);
        }
    }

    private static void startTraining(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        Environment environment = context.getEnvironment();
        if (!environment.getProperty(PROPERTY, Boolean.class, false)
                || !(context instanceof WebServerApplicationContext web)) {
            return;
        }
        URI base;
        SSLContext ssl;
        try {
            base = base(environment, web.getWebServer().getPort());
            ssl = sslContext(context.getBean(SslBundles.class));
        } catch (IOException | GeneralSecurityException failed) {
            throw new IllegalStateException("Start-up training cannot reach the console: " + failed.getMessage(), failed);
        }
        // on a thread of its own: the other listeners of this event (readiness among them) run first
        Thread training = new Thread(() -> trainAndExit(context, base, ssl), "startup-training");
        training.start();
    }

    private static void trainAndExit(ConfigurableApplicationContext context, URI base, SSLContext ssl) {
        try {
            train(base, ssl, ROUNDS);
        } catch (IOException | RuntimeException failed) {
            // the archive or cache is still written, with less in it: the console starts either way
            log.warn("Start-up training stopped early: " + failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** The console's own address: server.address when it listens on one interface only, the loopback otherwise. */
    private static URI base(Environment environment, int port) throws IOException {
        String address = environment.getProperty("server.address", "");
        InetAddress host = address.isBlank() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(address.trim());
        if (host.isAnyLocalAddress()) {
            host = InetAddress.getLoopbackAddress();
        }
        String literal = host instanceof Inet6Address ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
        return URI.create("https://" + literal + ":" + port);
    }

    /**
     * Sends the request set {@code rounds} times over HTTP/2 and HTTP/1.1 and returns the last answers' statuses:
     * health, login page, stylesheet, start page, API read without credentials.
     */
    static List<Integer> train(URI base, SSLContext ssl, int rounds) throws IOException, InterruptedException {
        List<HttpRequest> requests = new ArrayList<>();
        requests.add(get(base, "/actuator/health").build());
        requests.add(get(base, "/login").header("Accept", "text/html").build());
        requests.add(get(base, "/css/console.css").build());
        requests.add(get(base, "/").header("Accept", "text/html").build());
        requests.add(get(base, "/api/v1/hosts").header("Accept", "application/json").build());
        awaitReady(base, ssl);
        List<HttpClient.Version> versions = List.of(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // a new client (and TLS handshake) per round and protocol, as new browsers and health checkers do
            for (HttpClient.Version version : versions) {
                HttpClient client = HttpClient.newBuilder().sslContext(ssl).version(version)
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
                statuses.clear();
                for (HttpRequest request : requests) {
                    HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() >= 500) {
                        throw new IllegalStateException(request.uri().getPath() + " answered " + answer.statusCode());
                    }
                    statuses.add(answer.statusCode());
                }
            }
        }
        return statuses;
    }

    /** Until the health check answers 200 (readiness is announced by the same event), at most a minute. */
    private static void awaitReady(URI base, SSLContext ssl) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest health = get(base, "/actuator/health").build();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("/actuator/health did not answer 200 within a minute");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static HttpRequest.Builder get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
    }

    /** Trusts the console's own certificate and nothing else. */
    static SSLContext sslContext(SslBundles bundles) throws GeneralSecurityException, IOException {
        KeyStore own = bundles.getBundle("console").getStores().getKeyStore();
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        for (String alias : Collections.list(own.aliases())) {
            Certificate certificate = own.getCertificate(alias);
            if (certificate != null) {
                trusted.setCertificateEntry(alias, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
