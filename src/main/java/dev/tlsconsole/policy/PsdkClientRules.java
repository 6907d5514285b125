package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CLIENT_AUTH;
import static dev.tlsconsole.policy.option.SecurityOption.PROVIDER;
import static dev.tlsconsole.policy.option.SecurityOption.TRUSTED_CA;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a Java (Platform SDK) side differs from the native components (how a client authenticates the server, what
 * certificate material a side needs):
 * <ul>
 * <li>{@code client-auth} is a native option; the Platform SDK does not read it (reference §8 A3, source PSDKC,
 * the application block's option list), so it neither turns authentication off nor on.</li>
 * <li>A PSDK client with TLS on but no trusted CA connects without authenticating the server: encryption only
 * (reference §1 and §6 check 19, [D12] PSDK "TLS and the Application Template Application Block"). A
 * {@code provider} of MSCAPI or PKCS11 holds its trusted CAs in its store, so it still authenticates ([D14]).</li>
 * </ul>
 */
final class PsdkClientRules {

    private PsdkClientRules() {
    }

    /**
     * UNIX_KEY_OR_CA_MISSING for a Java side: the SDG asks for certificate-key and trusted-ca on UNIX for
     * <em>native</em> applications (SDG "Securing Connections Using TLS", re-read); a Java side with the PEM
     * provider (the default) still needs the key file beside its certificate (inferred: a PEM certificate
     * holds no private key), an MSCAPI or PKCS11 provider keeps the key in its store. The trusted CA is
     * not required of a Java side (without it a client is encryption-only, see {@link #unauthenticated}).
     */
    static Optional<Finding> missingKey(ResolvedSide side, Layer[] layers, HostInfo host, String owner, Side findingSide) {
        if (host.windows() || storeProvider(side)) {
            // on Windows the key stays with the certificate in the store, as for native components
            return Optional.empty();
        }
        return CertificateBlock.missingKeyOrCa(side, layers, host, owner, findingSide, false);
    }

    private static boolean storeProvider(ResolvedSide side) {
        String provider = side.get(PROVIDER).value().strip().toUpperCase(Locale.ROOT);
        return provider.equals("MSCAPI") || provider.equals("PKCS11");
    }

    /** True when a Java client resolves nothing to check the server's certificate against. */
    static boolean unauthenticated(ResolvedSide side) {
        return !storeProvider(side) && !side.get(TRUSTED_CA).hasValue();
    }

    /** OPTION_NOT_READ_BY_PSDK for a client-auth the Java client resolves. */
    static void clientAuthNotRead(ResolvedSide side, String owner, List<Finding> out) {
        ResolvedOption clientAuth = side.get(CLIENT_AUTH);
        if (!clientAuth.isSet() || clientAuth.source().isEmpty()) {
            return;
        }
        ObjectRef at = clientAuth.source().get();
        out.add(Finding.of(FindingCode.OPTION_NOT_READ_BY_PSDK, Side.CLIENT, at, Describe.setting(clientAuth) + " "
                + Describe.at(clientAuth) + " has no effect: " + owner + " is a Platform SDK (Java) component, which"
                + " does not read client-auth; it authenticates the server exactly when it has a trusted-ca: remove"
                + " client-auth (and remove trusted-ca for encryption only)", SuggestedChange.remove(at, CLIENT_AUTH.key())));
    }

    /** ENCRYPTION_ONLY for a Java client without a trusted CA. */
    static Finding encryptionOnly(ResolvedSide side, ObjectRef appRef, String owner) {
        ResolvedOption ca = side.get(TRUSTED_CA);
        ObjectRef fixAt = ca.source().orElse(appRef);
        return Finding.of(FindingCode.ENCRYPTION_ONLY, Side.CLIENT, fixAt, Describe.capitalised(owner)
                + " is a Platform SDK (Java) component with TLS on but no trusted-ca, so it does not authenticate the"
                + " server's certificate: traffic is encrypted but the server is not authenticated; set trusted-ca "
                + Describe.at(fixAt));
    }
}
