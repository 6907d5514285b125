package dev.tlsconsole.probe;

import java.util.List;

import dev.tlsconsole.certificates.facts.PresentedChains.PresentedCertificate;

/**
 * What a probe saw and what differs from the declared configuration, as stored and as the API returns it.
 *
 * @param protocols API spelling ({@code TLSv12}), lowest first
 * @param cipher    the suite negotiated at the highest version JSSE completed; null when none
 * @param chain     leaf first
 */
record ProbeResult(List<String> protocols, String cipher, List<PresentedCertificate> chain,
        boolean clientCertificateRequested, List<String> acceptedIssuers, List<ObservedFinding> findings) {

    ProbeResult {
        protocols = List.copyOf(protocols);
        chain = List.copyOf(chain);
        acceptedIssuers = List.copyOf(acceptedIssuers);
        findings = List.copyOf(findings);
    }
}
