package dev.tlsconsole.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What changed between two probes of one port: each observation that differs, before and after. */
final class ProbeChanges {

    private ProbeChanges() {
    }

    /** @param what message key suffix ({@code probe.change.<what>}) */
    record Change(String what, String before, String after) {
    }

    static List<Change> between(ProbeView previous, ProbeView last) {
        List<Change> changes = new ArrayList<>();
        add(changes, "reachable", yesNo(previous.reachable()), yesNo(last.reachable()));
        add(changes, "tls", yesNo(previous.tls()), yesNo(last.tls()));
        add(changes, "protocols", String.join(" ", previous.protocols()), String.join(" ", last.protocols()));
        add(changes, "cipher", text(previous.cipher()), text(last.cipher()));
        add(changes, "certificate", leaf(previous), leaf(last));
        add(changes, "clientCertificate", yesNo(previous.clientCertificateRequested()), yesNo(last.clientCertificateRequested()));
        add(changes, "findings", codes(previous), codes(last));
        return changes;
    }

    private static void add(List<Change> changes, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(what, before, after));
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String text(String value) {
        return value == null ? "—" : value;
    }

    private static String leaf(ProbeView probe) {
        return probe.chain().isEmpty() ? "—" : probe.chain().get(0).sha256Fingerprint();
    }

    private static String codes(ProbeView probe) {
        List<String> codes = probe.findings().stream().map(ProbeView.FindingJson::code).distinct().sorted().toList();
        return codes.isEmpty() ? "—" : String.join(" ", codes);
    }
}
