package dev.tlsconsole.policy;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.option.SecurityOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code CERT_FORMAT_FOR_OS}: Windows hosts reference certificates (and CAs) by 40-hex-digit SHA-1
 * thumbprint; UNIX hosts by absolute PEM path, a comma-separated chain allowed for {@code certificate}
 * and {@code trusted-ca}, a single path for {@code certificate-key}. Windows keeps the key with the
 * certificate in the store, so {@code certificate-key} is not checked there.
 */
final class CertificateFormat {

    private CertificateFormat() {
    }

    static void check(ResolvedOption option, HostInfo host, Side side, List<Finding> out) {
        if (!option.hasValue()) {
            return;
        }
        problem(option, host).ifPresent(problem -> out.add(Finding.of(FindingCode.CERT_FORMAT_FOR_OS, side,
                option.source().orElseThrow(),
                option.option().key() + " '" + option.value() + "' " + Describe.at(option) + " " + problem)));
    }

    private static Optional<String> problem(ResolvedOption option, HostInfo host) {
        String value = option.value();
        if (host.windows()) {
            if (option.option() == SecurityOption.CERTIFICATE_KEY || isThumbprint(value)) {
                return Optional.empty();
            }
            String hint = isThumbprint(value.replace(" ", "")) ? " (remove the spaces)" : "";
            return Optional.of("is not a thumbprint: on " + host.describe()
                    + " use the certificate's 40-hex-digit SHA-1 thumbprint from the Windows store" + hint);
        }
        boolean chainAllowed = option.option() != SecurityOption.CERTIFICATE_KEY;
        String[] paths = chainAllowed ? value.split(",", -1) : new String[] {value};
        boolean severalKeys = !chainAllowed && value.contains(",");
        for (String path : paths) {
            if (severalKeys || !path.startsWith("/") || path.endsWith("/")) {
                String hint = isThumbprint(value) ? " (it looks like a Windows thumbprint)"
                        : severalKeys ? " (one file only)" : "";
                return Optional.of("is not an absolute PEM file path: on " + host.describe() + " use the absolute path of the PEM file"
                        + (chainAllowed ? "; a chain is a comma-separated list of such paths, leaf first" : "") + hint);
            }
        }
        return Optional.empty();
    }

    static boolean isThumbprint(String value) {
        if (value.length() != 40) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
