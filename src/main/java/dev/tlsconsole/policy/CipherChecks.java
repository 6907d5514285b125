package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CIPHER_LIST;

import dev.tlsconsole.policy.CipherSuites.Match;
import dev.tlsconsole.policy.CipherSuites.Suite;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code cipher-list} on both sides of a secured connection (issue 12 item 6; GENESYS-TLS-REFERENCE.md §8 F1,
 * §6 check 18): NO_COMMON_CIPHER when both sides restrict their suites to lists that share none,
 * WEAK_CIPHER for a weak suite in an effective list, CIPHER_NAME_FOR_STACK for a name spelt for the other
 * TLS implementation. Suites and their weakness come from {@link CipherSuites} (a table in resources).
 *
 * <p>How sure: the option and its levels are in the reference's catalogue; the separator and the OpenSSL
 * naming on UNIX are unconfirmed (the Genesys page "Tuning Available Cipher Lists" exists but its text was
 * not found); that OpenSSL skips names it does not know and fails only when no suite remains is OpenSSL's
 * documented behaviour; that a Windows component ignores cipher-list (SChannel takes the OS cipher
 * configuration) is the reference's §8 F1. A list with OpenSSL keywords or operators ({@code HIGH},
 * {@code !aNULL}, …) or a name missing from the table is not expanded, so no NO_COMMON_CIPHER is raised for it.
 */
final class CipherChecks {

    private CipherChecks() {
    }

    static void check(ResolutionRun run, ServerSide server, ClientProfile client, int clientIndex, ResolvedSide clientSide,
                      Optional<TlsVersion> protocol, FindingList findings) {
        ResolvedOption serverList = server.side().get(CIPHER_LIST);
        ResolvedOption clientList = clientSide.get(CIPHER_LIST);
        if (!serverList.hasValue() && !clientList.hasValue()) {
            return;
        }
        TlsStack serverStack = TlsStack.of(server.application(), server.host());
        TlsStack clientStack = TlsStack.of(run.snapshot.application(clientIndex), client.host);
        Parsed serverParsed = Parsed.of(serverList, serverStack);
        Parsed clientParsed = Parsed.of(clientList, clientStack);
        String serverOwner = Describe.object(server.end().port());
        String clientOwner = Describe.object(client.end.application());
        serverParsed.ownFindings(serverOwner, Side.SERVER, findings);
        clientParsed.ownFindings(clientOwner, Side.CLIENT, findings);
        if (!serverParsed.restricts() || !clientParsed.restricts()) {
            return;
        }
        // OpenSSL's cipher list does not restrict the TLS 1.3 suites (they are configured apart), so a TLS 1.3
        // link between OpenSSL sides still has suites in common
        boolean tls13 = protocol.orElse(null) == TlsVersion.TLSv13;
        if (tls13 && (serverStack == TlsStack.OPENSSL || clientStack == TlsStack.OPENSSL)) {
            return;
        }
        Set<String> common = serverParsed.suites.stream().map(Suite::iana).collect(Collectors.toCollection(LinkedHashSet::new));
        common.retainAll(clientParsed.suites.stream().map(Suite::iana).toList());
        if (!common.isEmpty()) {
            return;
        }
        ObjectRef fixAt = clientList.source().orElseThrow();
        Optional<Suite> offer = serverParsed.suites.stream().filter(suite -> !suite.weak()).findFirst()
                .or(() -> serverParsed.suites.stream().findFirst());
        SuggestedChange suggestion = offer.map(suite -> {
            List<String> names = new ArrayList<>(clientParsed.nativeNames());
            names.add(suite.nameOn(clientStack));
            return SuggestedChange.set(fixAt, CIPHER_LIST.key(), String.join(separator(clientStack), names));
        }).orElse(null);
        findings.add(Finding.of(FindingCode.NO_COMMON_CIPHER, Side.LINK, fixAt, Describe.capitalised(clientOwner)
                + " allows only " + clientParsed.describe() + " (" + Describe.setting(clientList) + " " + Describe.at(clientList)
                + ") and " + serverOwner + " only " + serverParsed.describe() + " (" + Describe.at(serverList)
                + "): the two lists share no cipher suite, so the handshake fails"
                + offer.map(suite -> ": add " + suite.nameOn(clientStack) + " to the client's cipher-list " + Describe.at(fixAt))
                        .orElse(": give both sides a suite in common"), suggestion));
    }

    private static String separator(TlsStack stack) {
        return stack == TlsStack.JSSE ? "," : ":";
    }

    /** One side's cipher-list read for its stack. */
    private record Parsed(ResolvedOption option, TlsStack stack, List<String> names, List<Suite> suites,
                          List<String> foreign, boolean concrete) {

        static Parsed of(ResolvedOption option, TlsStack stack) {
            List<String> names = option.hasValue() ? CipherSuites.names(option.value()) : List.of();
            List<Suite> suites = new ArrayList<>();
            List<String> foreign = new ArrayList<>();
            boolean concrete = true;
            for (String name : names) {
                Optional<Match> match = CipherSuites.lookup(name, stack);
                if (match.isEmpty()) {
                    concrete = false;
                } else if (match.get().nativeName()) {
                    suites.add(match.get().suite());
                } else {
                    foreign.add(name);
                }
            }
            return new Parsed(option, stack, names, suites, foreign, concrete);
        }

        /** True when the list is set, read by this stack, and made of known suite names only. */
        boolean restricts() {
            return option.hasValue() && stack != TlsStack.SCHANNEL && concrete;
        }

        List<String> nativeNames() {
            return names.stream().filter(name -> !foreign.contains(name)).toList();
        }

        String describe() {
            return suites.isEmpty() ? "no suite it can use" : suites.size() == 1 ? suites.get(0).nameOn(stack)
                    : suites.size() + " suites";
        }

        /** WEAK_CIPHER and CIPHER_NAME_FOR_STACK of this side alone. */
        void ownFindings(String owner, Side side, FindingList findings) {
            if (!option.hasValue() || stack == TlsStack.SCHANNEL) {
                return;
            }
            ObjectRef fixAt = option.source().orElseThrow();
            String where = Describe.at(option);
            if (!foreign.isEmpty()) {
                List<String> translated = names.stream().map(name -> CipherSuites.lookup(name, stack)
                        .map(match -> match.suite().nameOn(stack)).orElse(name)).distinct().toList();
                findings.add(Finding.of(FindingCode.CIPHER_NAME_FOR_STACK, side, fixAt, Describe.capitalised(owner)
                        + " runs on " + label(stack) + " but its cipher-list " + where + " names " + String.join(", ", foreign)
                        + " as " + label(other(stack)) + " spells it; " + label(stack) + " does not know "
                        + (foreign.size() > 1 ? "these names" : "that name") + " and skips " + (foreign.size() > 1 ? "them" : "it")
                        + " (unconfirmed for Genesys: OpenSSL's documented behaviour): write cipher-list="
                        + String.join(separator(stack), translated),
                        SuggestedChange.set(fixAt, CIPHER_LIST.key(), String.join(separator(stack), translated))));
            }
            List<Suite> weak = suites.stream().filter(Suite::weak).toList();
            if (weak.isEmpty()) {
                return;
            }
            List<String> kept = suites.stream().filter(suite -> !suite.weak()).map(suite -> suite.nameOn(stack)).toList();
            String reasons = weak.stream().map(suite -> suite.nameOn(stack) + " (" + suite.weakness() + "; " + suite.source()
                    + (suite.confirmed() ? "" : "; unconfirmed") + ")").collect(Collectors.joining(", "));
            findings.add(Finding.of(FindingCode.WEAK_CIPHER, side, fixAt, Describe.capitalised(owner) + " allows weak cipher "
                    + (weak.size() > 1 ? "suites " : "suite ") + reasons + " through its cipher-list " + where + ": "
                    + (kept.isEmpty() ? "replace the list with strong suites such as "
                            + CipherSuites.lookup("ECDHE-RSA-AES128-GCM-SHA256", TlsStack.OPENSSL).orElseThrow().suite().nameOn(stack)
                            : "remove " + (weak.size() > 1 ? "them" : "it") + ", keeping " + String.join(separator(stack), kept)),
                    kept.isEmpty() || !concrete ? null : SuggestedChange.set(fixAt, CIPHER_LIST.key(), String.join(separator(stack), kept))));
        }

        private static String label(TlsStack stack) {
            return switch (stack) {
                case OPENSSL -> "OpenSSL (UNIX Security Pack)";
                case JSSE -> "JSSE (Java)";
                case SCHANNEL -> "SChannel (Windows)";
            };
        }

        private static TlsStack other(TlsStack stack) {
            return stack == TlsStack.JSSE ? TlsStack.OPENSSL : TlsStack.JSSE;
        }
    }
}
