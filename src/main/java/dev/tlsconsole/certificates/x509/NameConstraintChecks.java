package dev.tlsconsole.certificates.x509;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;

/**
 * RFC 5280 §4.2.1.10 / §6.1.3 name constraints of every CA in a path — the trusted root (which the JDK
 * refuses to process) and each intermediate — applied to every certificate below it, with Bouncy Castle's
 * {@link PKIXNameConstraintValidator} for all name forms it knows (DNS, IP, e-mail, URI, directory name,
 * otherName). On top of it:
 * <ul>
 *   <li>a wildcard DNS name {@code *.example.com} is outside an excluded subtree only when no name it can
 *       match is excluded ({@code test.example.com} excluded refuses it: the CVE-2025-61727 family);</li>
 *   <li>a leaf without subject alternative names is checked by its CN when that is a host name or IP, since
 *       the host-name check falls back to the CN;</li>
 *   <li>a malformed constraint (a wildcard or leading period in a DNS constraint, an IP constraint that is not
 *       address + contiguous mask, an impossible mailbox) refuses the path rather than matching nothing;</li>
 *   <li>the work is bounded: more than {@link #MAX_COMPARISONS} constraint × name comparisons on one path
 *       refuse it (the JDK took seconds on 2,048 × 2,048).</li>
 * </ul>
 * Self-issued intermediates are exempt (§6.1.3 (b)); the leaf never is.
 */
final class NameConstraintChecks {

    static final int MAX_COMPARISONS = 16_384;

    /** The problems of one path; {@code exhausted} when the comparison budget ran out before the end. */
    record Result(List<ValidationProblem> problems, boolean exhausted) {
    }

    private NameConstraintChecks() {
    }

    /** @param path leaf first, without the anchor; {@code anchor} may be the leaf itself (a pinned certificate) */
    static Result check(List<X509Certificate> path, X509Certificate anchor) {
        List<X509Certificate> chain = new ArrayList<>();
        if (!anchor.equals(path.get(0))) {
            chain.add(anchor);
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            chain.add(path.get(i));
        }
        List<ValidationProblem> problems = new ArrayList<>();
        long comparisons = 0;
        for (int k = 0; k < chain.size() - 1; k++) {
            X509Certificate ca = chain.get(k);
            NameConstraints constraints;
            try {
                constraints = constraints(ca);
            } catch (RuntimeException e) {
                continue; // an undecodable extension is reported by ExtensionChecks
            }
            if (constraints == null) {
                continue;
            }
            Optional<String> malformed = malformed(constraints);
            if (malformed.isPresent()) {
                problems.add(Problems.of(ProblemCode.INVALID_EXTENSION, "the name constraints of " + Problems.name(ca)
                        + " contain a malformed constraint " + malformed.get()));
                continue;
            }
            int subtrees = length(constraints.getPermittedSubtrees()) + length(constraints.getExcludedSubtrees());
            for (int j = k + 1; j < chain.size(); j++) {
                X509Certificate certificate = chain.get(j);
                boolean leaf = j == chain.size() - 1;
                if (!leaf && selfIssued(certificate)) {
                    continue;
                }
                Names names;
                try {
                    names = names(certificate, leaf);
                } catch (RuntimeException e) {
                    problems.add(violation(certificate, ca));
                    continue;
                }
                comparisons += (long) subtrees * names.count();
                if (comparisons > MAX_COMPARISONS) {
                    problems.add(Problems.of(ProblemCode.VALIDATION_LIMIT, "the name constraints of the path need more than "
                            + MAX_COMPARISONS + " comparisons (" + Problems.name(ca) + " has " + subtrees
                            + " constraints): the chain was refused unchecked"));
                    return new Result(problems, true);
                }
                if (!within(constraints, names)) {
                    problems.add(violation(certificate, ca));
                }
            }
        }
        return new Result(problems, false);
    }

    private record Names(X500Name subject, List<GeneralName> alternative) {
        int count() {
            return alternative.size() + (subject == null ? 0 : 1);
        }
    }

    private static Names names(X509Certificate certificate, boolean leaf) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<GeneralName> alternative = new ArrayList<>();
        byte[] sanValue = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
        if (sanValue != null) {
            byte[] inner = ExtensionChecks.innerValue(sanValue);
            if (inner == null) {
                throw new IllegalArgumentException("malformed subject alternative names");
            }
            try {
                alternative.addAll(List.of(GeneralNames.getInstance(ASN1Primitive.fromByteArray(inner)).getNames()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("malformed subject alternative names", e);
            }
        } else if (leaf) {
            for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
                if (rdn.getFirst().getValue() instanceof ASN1String cn) {
                    String value = cn.getString();
                    if (HostnameMatcher.isIpLiteral(value)) {
                        alternative.add(new GeneralName(GeneralName.iPAddress, value));
                    } else if (value.contains(".") && SubjectAlternativeNames.isDnsName(value)) {
                        alternative.add(new GeneralName(GeneralName.dNSName, value));
                    }
                }
            }
        }
        return new Names(subject.getRDNs().length > 0 ? subject : null, alternative);
    }

    private static boolean within(NameConstraints constraints, Names names) {
        PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
        try {
            if (constraints.getPermittedSubtrees() != null) {
                validator.intersectPermittedSubtree(constraints.getPermittedSubtrees());
            }
            if (constraints.getExcludedSubtrees() != null) {
                for (GeneralSubtree excluded : constraints.getExcludedSubtrees()) {
                    validator.addExcludedSubtree(excluded);
                }
            }
            if (names.subject() != null) {
                validator.checkPermittedDN(names.subject());
                validator.checkExcludedDN(names.subject());
            }
            for (GeneralName name : names.alternative()) {
                validator.checkPermitted(name);
                validator.checkExcluded(name);
                if (name.getTagNo() == GeneralName.dNSName && wildcardMeetsExcluded(name, constraints.getExcludedSubtrees())) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false; // NameConstraintValidatorException, or a name Bouncy Castle cannot compare: fail closed
        }
    }

    /** {@code *.example.com} can stand for {@code test.example.com}: excluded when any one-label child of its base is. */
    private static boolean wildcardMeetsExcluded(GeneralName name, GeneralSubtree[] excluded) {
        String dns = ASN1String.class.cast(name.getName()).getString().toLowerCase(Locale.ROOT);
        if (!dns.startsWith("*.") || excluded == null) {
            return false;
        }
        String base = dns.substring(2);
        for (GeneralSubtree subtree : excluded) {
            if (subtree.getBase().getTagNo() != GeneralName.dNSName) {
                continue;
            }
            String constraint = ASN1String.class.cast(subtree.getBase().getName()).getString().toLowerCase(Locale.ROOT);
            int dot = constraint.indexOf('.');
            if (dot > 0 && constraint.substring(dot + 1).equals(base)) {
                return true;
            }
        }
        return false;
    }

    /** The first constraint whose value cannot be a name of its form, or empty. */
    private static Optional<String> malformed(NameConstraints constraints) {
        List<GeneralSubtree> all = new ArrayList<>();
        if (constraints.getPermittedSubtrees() != null) {
            all.addAll(List.of(constraints.getPermittedSubtrees()));
        }
        if (constraints.getExcludedSubtrees() != null) {
            all.addAll(List.of(constraints.getExcludedSubtrees()));
        }
        for (GeneralSubtree subtree : all) {
            GeneralName base = subtree.getBase();
            switch (base.getTagNo()) {
                case GeneralName.dNSName -> {
                    String dns = ASN1String.class.cast(base.getName()).getString();
                    if (!dns.isEmpty() && (!SubjectAlternativeNames.isDnsName(dns) || dns.startsWith("*"))) {
                        return Optional.of("'DNS:" + dns + "'");
                    }
                }
                case GeneralName.iPAddress -> {
                    byte[] octets = ASN1OctetString.getInstance(base.getName()).getOctets();
                    if (octets.length != 8 && octets.length != 32 || !contiguousMask(octets)) {
                        return Optional.of("(an IP constraint of " + octets.length + " bytes, not address and mask)");
                    }
                }
                case GeneralName.rfc822Name -> {
                    String mail = ASN1String.class.cast(base.getName()).getString();
                    boolean valid = mail.contains("@") ? SubjectAlternativeNames.isMailbox(mail)
                            : SubjectAlternativeNames.isDnsName(mail.startsWith(".") ? mail.substring(1) : mail);
                    if (!valid) {
                        return Optional.of("'email:" + mail + "'");
                    }
                }
                default -> {
                    // directory names, URIs and otherNames are compared as they are
                }
            }
        }
        return Optional.empty();
    }

    private static boolean contiguousMask(byte[] octets) {
        boolean zero = false;
        for (int i = octets.length / 2; i < octets.length; i++) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean set = (octets[i] >> bit & 1) == 1;
                if (set && zero) {
                    return false;
                }
                zero |= !set;
            }
        }
        return true;
    }

    private static NameConstraints constraints(X509Certificate ca) {
        byte[] value = ca.getExtensionValue(Extension.nameConstraints.getId());
        byte[] inner = value == null ? null : ExtensionChecks.innerValue(value);
        if (inner == null) {
            return null;
        }
        try {
            return NameConstraints.getInstance(ASN1Primitive.fromByteArray(inner));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("malformed name constraints", e);
        }
    }

    private static ValidationProblem violation(X509Certificate certificate, X509Certificate ca) {
        return Problems.of(ProblemCode.NAME_CONSTRAINTS_VIOLATED, "the certificate " + Problems.name(certificate)
                + " has a name outside the name constraints of " + Problems.name(ca));
    }

    private static int length(GeneralSubtree[] subtrees) {
        return subtrees == null ? 0 : subtrees.length;
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal());
    }
}
