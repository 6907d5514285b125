package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.codes;
import static dev.tlsconsole.policy.PolicyTesting.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.CertificateFacts.Revocation;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.Severity;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expert scenarios: what a Genesys TLS expert says about one connection, rule by rule, each with where the rule
 * is written (GENESYS-TLS-REFERENCE.md sections, the seed [S], the SDG pages) and how sure it is. The README
 * section "Engine corrections (issue 12)" lists the rules and what the search of the Genesys pages found.
 */
class ExpertScenarioTests {

    private static final String[] SOUND = {PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA};
    private static final String[] CLIENT_CERT = {"certificate=/opt/certs/stat.pem", "certificate-key=/opt/certs/stat.key",
            PolicyTesting.CA};
    private static final String JAVA = "Platform SDK";

    /** Which client needs what to do TLS: native UNIX needs the Security Pack, Windows and Java do not. */
    @Nested
    class ClientStacks {

        /** [S] step 1, SDG "What You Need" (re-read): the Security Pack is for native applications on UNIX. Documented. */
        @Test
        void aNativeUnixClientWithoutTheSecurityPackCannotDoTls() {
            EffectivePolicy policy = Scenario.simpleTls().clientPack(null).resolve();

            Finding missing = only(policy, FindingCode.SECURITY_PACK_MISSING);
            assertThat(missing.side()).isEqualTo(Side.CLIENT);
            assertThat(missing.fixAt().name()).isEqualTo("stat-host");
            assertThat(policy.protocol()).isEmpty();
            assertThat(policy.grade()).isEqualTo(Grade.F);
        }

        /** Same page and IMP ("TLS Implementations in Genesys", re-read): Java components use JSSE on every OS. Documented. */
        @Test
        void aJavaClientOnUnixNeedsNoSecurityPackAndNegotiatesWithItsJre() {
            EffectivePolicy policy = Scenario.simpleTls().clientType(JAVA).clientPack(null).resolve();

            assertThat(codes(policy)).doesNotContain(FindingCode.SECURITY_PACK_MISSING);
            assertThat(policy.mode()).isEqualTo(Mode.SIMPLE_TLS);
            assertThat(policy.protocol()).contains(TlsVersion.TLSv13);
            assertThat(policy.grade()).isEqualTo(Grade.A);
        }

        @Test
        void aJavaServerOnUnixNeedsNoSecurityPackEither() {
            EffectivePolicy policy = Scenario.simpleTls().serverType("Universal Contact Server").serverPack(null).resolve();

            assertThat(codes(policy)).doesNotContain(FindingCode.SECURITY_PACK_MISSING);
            assertThat(policy.protocol()).contains(TlsVersion.TLSv13);
        }

        /** An older pack on the host of a Java client does not cap it at TLS 1.2: the pack is not what it runs. */
        @Test
        void anOldPackOnAJavaClientsHostDoesNotHoldTheLinkBack() {
            EffectivePolicy nativeClient = Scenario.simpleTls().clientPack("8.5.1").resolve();
            EffectivePolicy javaClient = Scenario.simpleTls().clientType(JAVA).clientPack("8.5.1").resolve();

            assertThat(nativeClient.protocol()).contains(TlsVersion.TLSv12);
            assertThat(javaClient.protocol()).contains(TlsVersion.TLSv13);
            assertThat(codes(javaClient)).doesNotContain(FindingCode.PROTOCOL_OBSOLETE);
        }

        /** JSSE, not SChannel: the Windows protocol settings do not override a Java component's sec-protocol. */
        @Test
        void aJavaClientOnWindowsKeepsItsSecProtocol() {
            EffectivePolicy nativeClient = Scenario.simpleTls().clientWindows().addClientApp("sec-protocol=TLSv12").resolve();
            EffectivePolicy javaClient = Scenario.simpleTls().clientWindows().clientType(JAVA)
                    .addClientApp(PolicyTesting.CA, "sec-protocol=TLSv12").resolve();

            assertThat(codes(nativeClient)).contains(FindingCode.WINDOWS_OS_OVERRIDES_PROTOCOL);
            assertThat(codes(javaClient)).doesNotContain(FindingCode.WINDOWS_OS_OVERRIDES_PROTOCOL);
            assertThat(javaClient.protocol()).contains(TlsVersion.TLSv12);
        }

        /** A strict version a Java client on Windows cannot agree on is fixed in its own sec-protocol, not the OS. */
        @Test
        void aJavaClientOnWindowsWithAStrictMismatchIsFixedInItsSecProtocol() {
            EffectivePolicy policy = Scenario.simpleTls().clientWindows().clientType(JAVA)
                    .addClientApp(PolicyTesting.CA, "sec-protocol=TLSv12").addServerApp("sec-protocol=TLSv13").resolve();

            Finding mismatch = only(policy, FindingCode.PROTOCOL_MISMATCH);
            assertThat(mismatch.fixAt().name()).isEqualTo("statserv");
            assertThat(mismatch.suggestion().option()).isEqualTo("sec-protocol");
        }

        /** [S] "Feature Description": a UNIX native client checks the server against its trusted-ca. Documented. */
        @Test
        void aNativeUnixClientWithoutTrustedCaCannotAuthenticateTheServer() {
            EffectivePolicy policy = Scenario.simpleTls().clientApp().resolve();

            Finding untrusted = only(policy, FindingCode.UNTRUSTED_ISSUER);
            assertThat(untrusted.severity()).isEqualTo(Severity.ERROR);
            assertThat(untrusted.fixAt().name()).isEqualTo("stat-host");
            assertThat(policy.grade()).isEqualTo(Grade.F);
        }

        /** Reference §5.1: a Windows client trusts through the OS store; no trusted-ca needed (store unconfirmed). */
        @Test
        void aWindowsClientNeedsNoTrustedCaForSimpleTls() {
            EffectivePolicy policy = Scenario.simpleTls().clientWindows().resolve();

            assertThat(policy.mode()).isEqualTo(Mode.SIMPLE_TLS);
            assertThat(codes(policy)).doesNotContain(FindingCode.UNTRUSTED_ISSUER, FindingCode.SECURITY_PACK_MISSING);
        }

        /**
         * Reference §1, §6 check 19 [D12]: a Platform SDK client with TLS on and no trusted CA connects without
         * authenticating the server: encryption only, a warning, not a failed handshake.
         */
        @Test
        void aJavaClientWithoutTrustedCaIsEncryptionOnlyNotAFailure() {
            EffectivePolicy policy = Scenario.simpleTls().clientType(JAVA).clientApp().resolve();

            assertThat(policy.mode()).isEqualTo(Mode.ENCRYPTION_ONLY);
            assertThat(codes(policy)).doesNotContain(FindingCode.UNTRUSTED_ISSUER);
            Finding weak = only(policy, FindingCode.ENCRYPTION_ONLY);
            assertThat(weak.severity()).isEqualTo(Severity.WARNING);
            assertThat(weak.fixAt().name()).isEqualTo("statserv");
            assertThat(weak.message()).contains("Platform SDK", "trusted-ca");
            assertThat(policy.grade()).isEqualTo(Grade.C);
        }

        /** [D14]: an MSCAPI or PKCS11 provider holds the trusted CAs in its store. */
        @Test
        void aJavaClientWithAStoreProviderAuthenticatesWithoutTrustedCa() {
            EffectivePolicy policy = Scenario.simpleTls().clientWindows().clientType(JAVA).clientApp("provider=MSCAPI").resolve();

            assertThat(policy.mode()).isEqualTo(Mode.SIMPLE_TLS);
            assertThat(codes(policy)).doesNotContain(FindingCode.ENCRYPTION_ONLY, FindingCode.UNTRUSTED_ISSUER);
        }

        /** §8 A3 (PSDKC): client-auth is not a Platform SDK option: with a trusted-ca the Java client still authenticates. */
        @Test
        void clientAuthZeroDoesNotTurnOffAJavaClientsAuthentication() {
            EffectivePolicy javaClient = Scenario.simpleTls().clientType(JAVA).addClientApp("client-auth=0").resolve();
            EffectivePolicy nativeClient = Scenario.simpleTls().addClientApp("client-auth=0").resolve();

            assertThat(javaClient.mode()).isEqualTo(Mode.SIMPLE_TLS);
            Finding ignored = only(javaClient, FindingCode.OPTION_NOT_READ_BY_PSDK);
            assertThat(ignored.fixLevel()).isEqualTo(Level.APPLICATION);
            assertThat(ignored.suggestion().option()).isEqualTo("client-auth");
            assertThat(codes(javaClient)).doesNotContain(FindingCode.ENCRYPTION_ONLY);
            assertThat(nativeClient.mode()).isEqualTo(Mode.ENCRYPTION_ONLY);
        }

        /**
         * SDG "Securing Connections Using TLS" (re-read): certificate-key and trusted-ca are required on UNIX for
         * native applications. A Java server with the PEM provider still needs its key (inferred); not the CA.
         */
        @Test
        void aJavaServerOnUnixNeedsItsKeyButNoTrustedCa() {
            EffectivePolicy nativeServer = Scenario.simpleTls().serverApp(PolicyTesting.CERT, PolicyTesting.KEY).resolve();
            EffectivePolicy javaServer = Scenario.simpleTls().serverType("Universal Contact Server")
                    .serverApp(PolicyTesting.CERT, PolicyTesting.KEY).resolve();
            EffectivePolicy javaWithoutKey = Scenario.simpleTls().serverType("Universal Contact Server")
                    .serverApp(PolicyTesting.CERT).resolve();

            assertThat(only(nativeServer, FindingCode.UNIX_KEY_OR_CA_MISSING).message()).contains("trusted-ca");
            assertThat(codes(javaServer)).doesNotContain(FindingCode.UNIX_KEY_OR_CA_MISSING);
            assertThat(only(javaWithoutKey, FindingCode.UNIX_KEY_OR_CA_MISSING).message())
                    .contains("certificate-key").doesNotContain("trusted-ca");
        }

        /** [S] "Feature Configuration" step 3 and reference §6 check 9: mutual TLS needs a client certificate. */
        @Test
        void mutualTlsNeedsACertificateOnTheClientAndOnUnixItsKeyAndCa() {
            EffectivePolicy none = Scenario.simpleTls().addServerApp("tls-mutual=1").resolve();
            EffectivePolicy certOnly = Scenario.simpleTls().addServerApp("tls-mutual=1")
                    .clientApp("certificate=/opt/certs/stat.pem").resolve();
            EffectivePolicy full = Scenario.simpleTls().addServerApp("tls-mutual=1").clientApp(CLIENT_CERT).resolve();
            EffectivePolicy windows = Scenario.simpleTls().addServerApp("tls-mutual=1").clientWindows()
                    .addClientApp("certificate=" + PolicyTesting.THUMBPRINT).resolve();

            assertThat(codes(none)).contains(FindingCode.CLIENT_CERT_MISSING);
            assertThat(codes(certOnly)).contains(FindingCode.UNIX_KEY_OR_CA_MISSING);
            assertThat(full.mode()).isEqualTo(Mode.MUTUAL_TLS);
            assertThat(full.grade()).isEqualTo(Grade.A);
            assertThat(windows.mode()).isEqualTo(Mode.MUTUAL_TLS);
            assertThat(windows.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    /** Revocation: [S] (both checks of mutual TLS), reference §8 B1 (only a side with a CRL checks). */
    @Nested
    class Revocations {

        private final FakeCertificateFacts facts = new FakeCertificateFacts()
                .add(PolicyTesting.CERT.substring("certificate=".length()), FakeCertificateFacts.sound("srv", "CN=cfg-host"), "cfg-host")
                .add("/opt/certs/stat.pem", FakeCertificateFacts.sound("cli", "CN=stat-host"), "stat-host");

        @Test
        void theServersOwnCrlDoesNotCheckTheServersCertificate() {
            facts.revocation("srv", "/opt/certs/ca.crl", new Revocation(RevocationState.REVOKED, Optional.empty(), "ca.crl"))
                    .revocation("srv", "", new Revocation(RevocationState.REVOKED, Optional.empty(), "the CRL of CA 'Root'"));

            EffectivePolicy policy = Scenario.simpleTls().addServerApp("tls-crl=/opt/certs/ca.crl").facts(facts).resolve();

            assertThat(codes(policy)).doesNotContain(FindingCode.CERT_REVOKED);
            assertThat(only(policy, FindingCode.CERT_REVOKED_UNCHECKED).side()).isEqualTo(Side.CLIENT);
        }

        @Test
        void aRevokedClientCertificateMattersOnlyUnderMutualTlsAndFailsWhenTheServersCrlListsIt() {
            facts.revocation("cli", "/opt/certs/ca.crl", new Revocation(RevocationState.REVOKED, Optional.empty(), "ca.crl"));

            EffectivePolicy simple = Scenario.simpleTls().addServerApp("tls-crl=/opt/certs/ca.crl").clientApp(CLIENT_CERT)
                    .facts(facts).resolve();
            EffectivePolicy mutual = Scenario.simpleTls().addServerApp("tls-crl=/opt/certs/ca.crl", "tls-mutual=1")
                    .clientApp(CLIENT_CERT).facts(facts).resolve();

            assertThat(codes(simple)).doesNotContain(FindingCode.CERT_REVOKED, FindingCode.CERT_REVOKED_UNCHECKED);
            Finding revoked = only(mutual, FindingCode.CERT_REVOKED);
            assertThat(revoked.severity()).isEqualTo(Severity.ERROR);
            assertThat(mutual.grade()).isEqualTo(Grade.F);
        }

        @Test
        void theClientsCrlIsReadFromTheMostSpecificLevel() {
            facts.revocation("srv", "/opt/certs/new.crl", new Revocation(RevocationState.REVOKED, Optional.empty(), "new.crl"));

            EffectivePolicy policy = Scenario.simpleTls().clientHost("tls-crl=/opt/certs/old.crl")
                    .connection("tls=1;tls-crl=/opt/certs/new.crl").facts(facts).resolve();

            assertThat(policy.clientSide().get(SecurityOption.TLS_CRL).level()).isEqualTo(Level.CONNECTION);
            assertThat(codes(policy)).contains(FindingCode.CERT_REVOKED);
        }

        @Test
        void theBackupsRevokedCertificateIsJudgedByTheSameClientCrl() {
            facts.add("/opt/certs/backup.pem", FakeCertificateFacts.sound("bak", "CN=bak-host"), "bak-host")
                    .revocation("bak", "/opt/certs/ca.crl", new Revocation(RevocationState.REVOKED, Optional.empty(), "ca.crl"));

            EffectivePolicy policy = Scenario.simpleTls().addClientApp("tls-crl=/opt/certs/ca.crl").facts(facts)
                    .backup("certificate=/opt/certs/backup.pem", PolicyTesting.KEY, PolicyTesting.CA).resolve();

            assertThat(codes(policy)).doesNotContain(FindingCode.CERT_REVOKED);
            assertThat(policy.backup().orElseThrow().findings()).extracting(Finding::code).contains(FindingCode.CERT_REVOKED);
            assertThat(policy.grade()).isEqualTo(Grade.F);
        }
    }

    /** HA pairs: [S] (primary/backup pairs are TLS links), reference §8 E1, PSDK ClientConfigurationHelper [C3]. */
    @Nested
    class HaPairs {

        @Test
        void aBackupThatRequiresMutualTlsFailsAClientWithoutACertificateAtSwitchover() {
            EffectivePolicy policy = Scenario.simpleTls().backup(PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA, "tls-mutual=1")
                    .resolve();

            assertThat(policy.mode()).isEqualTo(Mode.SIMPLE_TLS);
            EffectivePolicy.Backup backup = policy.backup().orElseThrow();
            assertThat(backup.mode()).isEqualTo(Mode.MUTUAL_TLS);
            assertThat(backup.findings()).extracting(Finding::code)
                    .contains(FindingCode.BACKUP_MODE_DIFFERS, FindingCode.CLIENT_CERT_MISSING);
            assertThat(policy.grade()).isEqualTo(Grade.F);
        }

        @Test
        void aStrictProtocolOnTheBackupThatTheClientCannotSpeakFailsOnlyAtSwitchover() {
            EffectivePolicy policy = Scenario.simpleTls().addClientApp("sec-protocol=TLSv12")
                    .backup(PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA, "sec-protocol=TLSv13").resolve();

            assertThat(policy.protocol()).contains(TlsVersion.TLSv12);
            EffectivePolicy.Backup backup = policy.backup().orElseThrow();
            assertThat(backup.protocol()).isEmpty();
            assertThat(backup.findings()).extracting(Finding::code).contains(FindingCode.PROTOCOL_MISMATCH);
            assertThat(policy.grade()).isEqualTo(Grade.F);
        }

        @Test
        void theBackupsHostNeedsItsOwnSecurityPack() {
            EffectivePolicy policy = Scenario.simpleTls().backup(SOUND).backupPack(null).resolve();

            assertThat(codes(policy)).doesNotContain(FindingCode.SECURITY_PACK_MISSING);
            Finding missing = policy.backup().orElseThrow().findings().stream()
                    .filter(f -> f.code() == FindingCode.SECURITY_PACK_MISSING).findFirst().orElseThrow();
            assertThat(missing.fixAt().name()).isEqualTo("bak-host");
        }

        @Test
        void anOlderPackOnTheBackupLowersTheProtocolAfterSwitchover() {
            EffectivePolicy policy = Scenario.simpleTls().backup(SOUND).backupPack("8.5.1").resolve();

            assertThat(policy.protocol()).contains(TlsVersion.TLSv13);
            assertThat(policy.backup().orElseThrow().protocol()).contains(TlsVersion.TLSv12);
        }

        @Test
        void aPlainPairStaysPlainWithoutBackupFindings() {
            EffectivePolicy policy = Scenario.simpleTls().port(ListeningMode.UNSECURED, "").connection("").backup()
                    .backupPort(ListeningMode.UNSECURED, "").resolve();

            assertThat(policy.mode()).isEqualTo(Mode.PLAINTEXT);
            assertThat(policy.backup().orElseThrow().findings()).isEmpty();
        }
    }

    /** Port modes: [S] and PSDK "Quick Start" (re-read: upgrade only for the Configuration protocol, client must not force TLS). */
    @Nested
    class PortModes {

        @Test
        void anAutoDetectPortUpgradesAClientThatDoesNotForceTlsAndJudgesItAsTheModeItUpgradesTo() {
            EffectivePolicy sound = Scenario.simpleTls().port(ListeningMode.AUTO_DETECT, "").connection("").resolve();
            EffectivePolicy noCa = Scenario.simpleTls().port(ListeningMode.AUTO_DETECT, "").connection("").clientApp().resolve();

            assertThat(sound.mode()).isEqualTo(Mode.AUTO_DETECT);
            assertThat(sound.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
            assertThat(noCa.mode()).isEqualTo(Mode.AUTO_DETECT);
            assertThat(codes(noCa)).contains(FindingCode.UNTRUSTED_ISSUER);
        }

        @Test
        void anAutoDetectPortStillNeedsTheServersCertificate() {
            EffectivePolicy policy = Scenario.simpleTls().serverApp().port(ListeningMode.AUTO_DETECT, "").connection("").resolve();

            assertThat(codes(policy)).contains(FindingCode.SERVER_CERT_MISSING);
        }

        @Test
        void aClientTlsZeroOnASecurePortIsStillSecureButTlsOneOnAPlainPortFails() {
            EffectivePolicy secure = Scenario.simpleTls().connection("tls=0").resolve();
            EffectivePolicy plain = Scenario.simpleTls().port(ListeningMode.UNSECURED, "").resolve();

            assertThat(secure.mode()).isEqualTo(Mode.SIMPLE_TLS);
            assertThat(plain.mode()).isEqualTo(Mode.PLAINTEXT);
            assertThat(only(plain, FindingCode.TLS_NOT_ON_PORT).severity()).isEqualTo(Severity.ERROR);
        }
    }

    /** Precedence [S] (sec-protocol, client-auth), SDG "Securing Connections Using TLS" (tls=1 only on the port). */
    @Nested
    class Precedence {

        @Test
        void tlsMutualOnThePortBeatsTheApplicationAndTheHost() {
            EffectivePolicy policy = Scenario.simpleTls().port(ListeningMode.SECURE, "tls=1;tls-mutual=0")
                    .addServerApp("tls-mutual=1").serverHost("tls-mutual=1").resolve();

            assertThat(policy.mode()).isEqualTo(Mode.SIMPLE_TLS);
            assertThat(policy.serverSide().get(SecurityOption.TLS_MUTUAL).level()).isEqualTo(Level.PORT);
        }

        @Test
        void tlsMutualOnTheClientSideDecidesNothing() {
            EffectivePolicy policy = Scenario.simpleTls().connection("tls=1;tls-mutual=1").addClientApp("tls-mutual=1").resolve();

            assertThat(policy.mode()).isEqualTo(Mode.SIMPLE_TLS);
            assertThat(codes(policy)).contains(FindingCode.OPTION_LEVEL_IGNORED);
        }

        @Test
        void clientAuthOnTheConnectionBeatsTheApplicationWhichBeatsTheHost() {
            EffectivePolicy connection = Scenario.simpleTls().connection("tls=1;client-auth=1").addClientApp("client-auth=0")
                    .clientHost("client-auth=0").resolve();
            EffectivePolicy application = Scenario.simpleTls().addClientApp("client-auth=0").clientHost("client-auth=1").resolve();

            assertThat(connection.mode()).isEqualTo(Mode.SIMPLE_TLS);
            assertThat(application.mode()).isEqualTo(Mode.ENCRYPTION_ONLY);
            assertThat(application.clientSide().get(SecurityOption.CLIENT_AUTH).level()).isEqualTo(Level.APPLICATION);
        }

        @Test
        void secProtocolOnTheConnectionBeatsTheApplication() {
            EffectivePolicy policy = Scenario.simpleTls().connection("tls=1;sec-protocol=TLSv12").addClientApp("sec-protocol=TLSv13")
                    .resolve();

            assertThat(policy.protocol()).contains(TlsVersion.TLSv12);
            assertThat(policy.clientSide().get(SecurityOption.SEC_PROTOCOL).level()).isEqualTo(Level.CONNECTION);
        }

        @Test
        void twoDifferentStrictVersionsCannotConnectButStrictMeetsCompatible() {
            EffectivePolicy strict = Scenario.simpleTls().addClientApp("sec-protocol=TLSv12").addServerApp("sec-protocol=TLSv13")
                    .resolve();
            EffectivePolicy compatible = Scenario.simpleTls().addClientApp("sec-protocol=TLSv12").resolve();

            assertThat(codes(strict)).contains(FindingCode.PROTOCOL_MISMATCH);
            assertThat(compatible.protocol()).contains(TlsVersion.TLSv12);
        }
    }
}
