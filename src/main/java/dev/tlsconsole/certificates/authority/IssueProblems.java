package dev.tlsconsole.certificates.authority;

/**
 * Which request field a refusal of the PKI core is about, so the form shows the message next to it.
 * The core's messages name what they refuse ("the subject…", "subject alternative name…", "validity…").
 */
final class IssueProblems {

    private IssueProblems() {
    }

    static String field(String message, String otherwise) {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("subject alternative name") || lower.contains("dns name") || lower.contains("ipv4")) {
            return "sans";
        }
        if (lower.contains("distinguished name") || lower.startsWith("the subject")) {
            return "subject";
        }
        if (lower.contains("validity") || lower.contains("outlive")) {
            return "validityDays";
        }
        if (lower.contains("key algorithm")) {
            return "keyAlgorithm";
        }
        if (lower.contains("csr")) {
            return "csrPem";
        }
        return otherwise;
    }
}
