package dev.tlsconsole.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tlsconsole.ConsoleApplication;
import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;
import dev.tlsconsole.certificates.authority.AuthorityCommands.IssueRequest;
import dev.tlsconsole.certificates.authority.AuthorityCommands.NewAuthority;
import dev.tlsconsole.certificates.authority.AuthorityService;
import dev.tlsconsole.certificates.authority.IssuanceService;
import dev.tlsconsole.certificates.inventory.CertificateView;
import dev.tlsconsole.support.EmbeddedPostgresInitializer;
import dev.tlsconsole.support.TestAccounts;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Acceptance 3 of issue 10: two console instances on one real PostgreSQL. With the same key-encryption key a CA
 * created on one instance issues from the other (its sealed private key opens there); an instance given a
 * different KEK refuses to start, with the one line that says how to share the key.
 */
class KeyEncryptionKeySharingTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDirs;

    @Test
    void theSameKeyWorksAcrossInstancesAndADifferentOneRefusesToStart() throws Exception {
        String database = freshDatabase();
        String sharedKek = newKek();

        try (ConfigurableApplicationContext first = start(database, sharedKek, "first");
             ConfigurableApplicationContext second = start(database, sharedKek, "second")) {
            AuthorityView ca = TestAccounts.asAdmin(() -> first.getBean(AuthorityService.class).create(
                    new NewAuthority("Shared KEK CA", "CN=Shared KEK CA", "EC_P256", 365, null, null)));

            CertificateView issued = TestAccounts.asAdmin(() -> second.getBean(IssuanceService.class).issue(ca.id(),
                    new IssueRequest(null, "CN=shared.example.test", List.of("DNS:shared.example.test"), "SERVER", 30, null, null)));

            assertThat(issued.issuer()).contains("CN=Shared KEK CA");
            assertThat(issued.hasPrivateKey()).isTrue();
        }

        Throwable refused = catchThrowable(() -> start(database, newKek(), "third").close());

        KeyEncryptionKeyMismatchException mismatch = rootCause(refused);
        FailureAnalysis analysis = new KeyEncryptionKeyFailureAnalyzer().analyze(refused);
        assertThat(analysis.getDescription()).doesNotContain("\n")
                .contains("every instance on one database needs the same CONSOLE_KEY_ENCRYPTION_KEY")
                .isEqualTo(mismatch.getMessage());
    }

    /**
     * A database populated before check values were recorded (its keys sealed, no check value): the start
     * tries to open a sealed key, refuses a different KEK with the same one line, and records the check value
     * for the right one.
     */
    @Test
    void aPopulatedDatabaseWithoutACheckValueIsCheckedAgainstItsSealedKeys() throws Exception {
        String database = freshDatabase();
        String kek = newKek();
        try (ConfigurableApplicationContext first = start(database, kek, "legacy")) {
            TestAccounts.asAdmin(() -> first.getBean(AuthorityService.class).create(
                    new NewAuthority("Legacy KEK CA", "CN=Legacy KEK CA", "EC_P256", 365, null, null)));
        }
        javax.sql.DataSource data = EmbeddedPostgresInitializer.server().getDatabase("postgres", database);
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM key_encryption_key_check");
        }

        Throwable refused = catchThrowable(() -> start(database, newKek(), "other-kek").close());

        assertThat(new KeyEncryptionKeyFailureAnalyzer().analyze(refused).getDescription()).doesNotContain("\n")
                .isEqualTo(rootCause(refused).getMessage());
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM key_encryption_key_check")) {
            rows.next();
            assertThat(rows.getInt(1)).as("no check value recorded for the refused key").isZero();
        }
        start(database, kek, "same-kek").close();
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM key_encryption_key_check")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the right key's check value is recorded").isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start(String database, String kek, String name) throws Exception {
        Path dataDir = Files.createDirectories(dataDirs.resolve(name));
        EmbeddedPostgres postgres = EmbeddedPostgresInitializer.server();
        // arguments, not builder properties: those are defaults that application-postgres.yml would override
        return new SpringApplicationBuilder(ConsoleApplication.class).profiles("test", "postgres")
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--server.port=0", "--console.data-dir=" + dataDir, "--console.key-encryption-key=" + kek,
                        "--spring.main.banner-mode=off");
    }

    private static String freshDatabase() throws Exception {
        String name = "kek_sharing_" + Long.toUnsignedString(RANDOM.nextLong(), 36);
        try (Connection connection = EmbeddedPostgresInitializer.server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static String newKek() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static KeyEncryptionKeyMismatchException rootCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeyEncryptionKeyMismatchException mismatch) {
                return mismatch;
            }
        }
        throw new AssertionError("the start did not fail with a key-encryption key mismatch", failure);
    }
}
