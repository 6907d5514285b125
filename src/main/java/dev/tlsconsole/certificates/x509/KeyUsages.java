package dev.tlsconsole.certificates.x509;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The names of key usages (RFC 5280 §4.2.1.3) and extended key usages (§4.2.1.12) a validation request may require. */
final class KeyUsages {

    /** Bit positions of the KeyUsage BIT STRING by their RFC 5280 names. */
    static final Map<String, Integer> KEY_USAGE_BITS = Map.of("digitalSignature", 0, "nonRepudiation", 1,
            "contentCommitment", 1, "keyEncipherment", 2, "dataEncipherment", 3, "keyAgreement", 4, "keyCertSign", 5,
            "cRLSign", 6, "encipherOnly", 7, "decipherOnly", 8);

    static final Map<String, String> EXTENDED_KEY_USAGES = Map.of("serverAuth", LeafChecks.SERVER_AUTH,
            "clientAuth", LeafChecks.CLIENT_AUTH, "codeSigning", "1.3.6.1.5.5.7.3.3", "emailProtection", "1.3.6.1.5.5.7.3.4",
            "timeStamping", "1.3.6.1.5.5.7.3.8", "OCSPSigning", "1.3.6.1.5.5.7.3.9", "anyExtendedKeyUsage", "2.5.29.37.0");

    private static final Pattern OID = Pattern.compile("^[0-2](\\.(0|[1-9][0-9]{0,9})){1,20}$");
    private static final int MAX_ENTRIES = 16;

    private KeyUsages() {
    }

    static void requireKnown(List<String> keyUsages) {
        requireBounded("keyUsage", keyUsages);
        for (String usage : keyUsages) {
            if (usage == null || !KEY_USAGE_BITS.containsKey(usage)) {
                throw new PkiInputException("keyUsage: unknown key usage; use " + String.join(", ",
                        new java.util.TreeSet<>(KEY_USAGE_BITS.keySet())));
            }
        }
    }

    static void requireKnownExtended(List<String> extendedKeyUsages) {
        requireBounded("extendedKeyUsage", extendedKeyUsages);
        for (String usage : extendedKeyUsages) {
            if (usage == null || !EXTENDED_KEY_USAGES.containsKey(usage) && !OID.matcher(usage).matches()) {
                throw new PkiInputException("extendedKeyUsage: unknown extended key usage; use a dotted OID or one of "
                        + String.join(", ", new java.util.TreeSet<>(EXTENDED_KEY_USAGES.keySet())));
            }
        }
    }

    static String extendedOid(String nameOrOid) {
        return EXTENDED_KEY_USAGES.getOrDefault(nameOrOid, nameOrOid);
    }

    static String extendedName(String oid) {
        return EXTENDED_KEY_USAGES.entrySet().stream().filter(e -> e.getValue().equals(oid)).map(Map.Entry::getKey)
                .findFirst().orElse(oid);
    }

    private static void requireBounded(String field, List<String> values) {
        if (values.size() > MAX_ENTRIES) {
            throw new PkiInputException(field + ": at most " + MAX_ENTRIES + " entries");
        }
    }
}
