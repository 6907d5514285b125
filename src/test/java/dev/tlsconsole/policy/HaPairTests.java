package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.preview.PolicyPreview;
import dev.tlsconsole.policy.preview.PreviewResult;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.StagedChange;
import dev.tlsconsole.policy.snapshot.TopologySnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * HA pairs are real connections: a client fails over to the server's backup, so its TLS settings must
 * work against the backup's port (same port id) and certificate too — certificates embed host names,
 * so the backup needs its own (GENESYS-TLS-REFERENCE.md §8 E1; Platform SDK ClientConfigurationHelper
 * configures TLS per primary and backup endpoint [C3]).
 */
class HaPairTests {

    private static final String[] SOUND = {PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA};

    @Test
    void aConnectionWithoutBackupHasNoBackupBlock() {
        EffectivePolicy policy = Scenario.simpleTls().resolve();

        assertThat(policy.backup()).isEmpty();
    }

    @Test
    void aSoundBackupIsResolvedAgainstItsOwnPortAndHostAndAddsNothing() {
        EffectivePolicy policy = Scenario.simpleTls().backup(SOUND).resolve();

        EffectivePolicy.Backup backup = policy.backup().orElseThrow();
        assertThat(backup.server().application().name()).isEqualTo("confserv-bak");
        assertThat(backup.server().host().name()).isEqualTo("bak-host");
        assertThat(backup.server().port().name()).isEqualTo("confserv-bak:default");
        assertThat(backup.mode()).isEqualTo(Mode.SIMPLE_TLS);
        assertThat(backup.protocol()).isEqualTo(policy.protocol());
        assertThat(backup.serverSide().get(SecurityOption.CERTIFICATE).source().orElseThrow().name())
                .isEqualTo("confserv-bak");
        assertThat(backup.findings()).as("only the info about its own certificate").extracting(Finding::code)
                .containsExactly(FindingCode.CERT_CONTENT_UNCHECKED);
        assertThat(policy.grade()).isEqualTo(Scenario.simpleTls().resolve().grade());
    }

    @Test
    void aBackupWhoseSecurePortHasNoCertificateRaisesServerCertMissingInTheBackupBlock() {
        EffectivePolicy policy = Scenario.simpleTls().backup().resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.SERVER_CERT_MISSING);
        EffectivePolicy.Backup backup = policy.backup().orElseThrow();
        Finding missing = backup.findings().stream().filter(f -> f.code() == FindingCode.SERVER_CERT_MISSING).findFirst().orElseThrow();
        assertThat(missing.fixAt().name()).isEqualTo("bak-host");
        assertThat(missing.message()).contains("confserv-bak:default");
        assertThat(backup.grade()).isEqualTo(Grade.F);
        assertThat(policy.grade()).as("the worse of primary and backup").isEqualTo(Grade.F);
        assertThat(policy.gradeReasons()).anyMatch(reason -> reason.startsWith("backup: "));
    }

    @Test
    void aBackupCertificateNamingThePrimarysHostIsAHostNameMismatchInTheBackupBlock() {
        String backupCert = "certificate=/opt/certs/backup.pem";
        FakeCertificateFacts facts = new FakeCertificateFacts()
                .add("/opt/certs/server.pem", FakeCertificateFacts.sound("srv", "CN=cfg-host"), "cfg-host")
                .add("/opt/certs/backup.pem", FakeCertificateFacts.sound("bak", "CN=cfg-host"), "cfg-host");
        EffectivePolicy policy = Scenario.simpleTls().addClientApp("tls-target-name-check=host").facts(facts)
                .backup(backupCert, PolicyTesting.KEY, PolicyTesting.CA).resolve();

        assertThat(codes(policy)).doesNotContain(FindingCode.HOST_NAME_MISMATCH);
        EffectivePolicy.Backup backup = policy.backup().orElseThrow();
        assertThat(backup.findings()).extracting(Finding::code).contains(FindingCode.HOST_NAME_MISMATCH);
        assertThat(backup.grade()).isEqualTo(Grade.F);
        assertThat(policy.grade()).isEqualTo(Grade.F);
    }

    @Test
    void aBackupWithoutThePortIdWarnsThatFailoverHasNowhereToGo() {
        EffectivePolicy policy = Scenario.simpleTls().backup(SOUND).backupPortId("other").resolve();

        assertThat(policy.backup()).isEmpty();
        Finding missing = PolicyTesting.only(policy, FindingCode.BACKUP_PORT_MISSING);
        assertThat(missing.fixAt().name()).isEqualTo("confserv-bak");
        assertThat(missing.message()).contains("'default'");
        assertThat(policy.grade()).isEqualTo(Grade.B);
    }

    @Test
    void aBackupPortInAnotherModeBreaksTheConnectionAtSwitchover() {
        EffectivePolicy policy = Scenario.simpleTls().backup(SOUND).backupPort(ListeningMode.UNSECURED, "").resolve();

        EffectivePolicy.Backup backup = policy.backup().orElseThrow();
        assertThat(backup.mode()).isEqualTo(Mode.PLAINTEXT);
        assertThat(backup.findings()).extracting(Finding::code)
                .contains(FindingCode.BACKUP_MODE_DIFFERS, FindingCode.TLS_NOT_ON_PORT);
        assertThat(policy.mode()).isEqualTo(Mode.SIMPLE_TLS);
        assertThat(policy.grade()).isEqualTo(Grade.F);
    }

    @Test
    void aPreviewOfAChangeOnTheBackupsHostCountsAndListsTheConnection() {
        Scenario scenario = Scenario.simpleTls().backup(SOUND);
        TopologySnapshot snapshot = scenario.snapshot();
        long bakHost = hostId(snapshot, "bak-host");
        long bakApp = applicationId(snapshot, "confserv-bak");
        PolicyPreview preview = new PolicyPreview(new PolicyResolver(new FakeLinkRules(), CertificateFacts.none()));

        PreviewResult host = preview.preview(snapshot,
                List.of(StagedChange.set(ObjectType.HOST, bakHost, Map.of("sec-protocol", "TLSv1"))), PolicyTesting.SETTINGS);
        PreviewResult app = preview.preview(snapshot,
                List.of(StagedChange.unset(ObjectType.APPLICATION, bakApp, Set.of("certificate"))), PolicyTesting.SETTINGS);

        assertThat(host.impacted()).isEqualTo(1);
        assertThat(app.impacted()).isEqualTo(1);
        assertThat(app.changed()).singleElement().satisfies(change -> {
            assertThat(change.connectionId()).isEqualTo(scenario.connectionId);
            assertThat(change.after().grade()).isEqualTo(Grade.F);
            assertThat(change.after().findings()).contains(FindingCode.SERVER_CERT_MISSING);
        });
    }

    private static long hostId(TopologySnapshot snapshot, String name) {
        for (int i = 0; i < snapshot.hostCount(); i++) {
            if (snapshot.host(i).name().equals(name)) {
                return snapshot.host(i).id();
            }
        }
        throw new AssertionError(name);
    }

    private static long applicationId(TopologySnapshot snapshot, String name) {
        for (int i = 0; i < snapshot.applicationCount(); i++) {
            if (snapshot.application(i).name().equals(name)) {
                return snapshot.application(i).id();
            }
        }
        throw new AssertionError(name);
    }
}
