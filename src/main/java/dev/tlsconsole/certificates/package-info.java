/**
 * Certificates: the inventory, the console's CAs with issuance and revocation, imported CRLs, chain
 * validation and the assignment of certificates to the topology. The sub-packages follow the shape
 * written once in {@link dev.tlsconsole.topology} (XxxService changes, XxxReads reads read-only at class
 * level, XxxController and XxxApiController, XxxRules, form POSTs through
 * {@link dev.tlsconsole.web.FormSubmission}, page paths from {@link dev.tlsconsole.web.ObjectLinks}), with
 * these names kept because many classes use them: {@code inventory.CertificateInventory} is the
 * certificates' Reads (changes are {@code CertificateService}, {@code CertificateImport}).
 */
package dev.tlsconsole.certificates;
