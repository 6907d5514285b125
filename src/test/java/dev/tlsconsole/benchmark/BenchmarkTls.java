package dev.tlsconsole.benchmark;

import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The TLS client side the benchmarks share when they talk to a console they started themselves. */
final class BenchmarkTls {

    private BenchmarkTls() {
    }

    /** The benchmark only needs an answer, not trust: the console's certificate is self-signed. */
    static SSLContext inspectOnly() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("client side only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // measurement only: any server certificate will do
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
