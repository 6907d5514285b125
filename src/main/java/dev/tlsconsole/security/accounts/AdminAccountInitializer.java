package dev.tlsconsole.security.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import dev.tlsconsole.ConsoleProperties;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;

/**
 * First start on an empty database: creates {@code admin} with the configured password, or with a
 * random one that is logged once and written to a 0600 file in the data directory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminAccountInitializer implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "initial-admin-password.txt";
    private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final ConsoleProperties properties;
    private final Clock clock;

    AdminAccountInitializer(UserAccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            AuditTrail audit, ConsoleProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = !StringUtils.hasText(configured);
        String password = generated ? randomPassword() : configured;
        List<InvalidInputException.FieldProblem> problems = policy.check("console.admin-password", ADMIN, password);
        if (!problems.isEmpty()) {
            throw new dev.tlsconsole.StartupConfigurationException("console.admin-password (CONSOLE_ADMIN_PASSWORD)",
                    "the admin password " + problems.stream().map(InvalidInputException.FieldProblem::message)
                            .collect(java.util.stream.Collectors.joining(", ")) + " (" + policy.describe() + ")");
        }
        UserAccount admin = accounts.save(new UserAccount(ADMIN, passwordEncoder.encode(password),
                EnumSet.of(Role.ADMIN), clock.instant()));
        accounts.flush();
        audit.record(AuditRecord.success(AuditAction.USER_CREATE, admin.getId(), ADMIN, null,
                Map.of("username", ADMIN, "roles", List.of("ADMIN"), "passwordSource", generated ? "generated" : "configured")),
                AuditTrail.SYSTEM);
        if (generated) {
            Path file = writePasswordFile(password);
            // The one place a secret is logged, by design: the operator needs it to sign in the first time.
            log.warn("Created the 'admin' account with the generated password {} (also in {}; change it after signing in)",
                    password, file);
        } else {
            log.info("Created the 'admin' account with the configured password");
        }
    }

    private String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private Path writePasswordFile(String password) {
        Path file = properties.dataDir().resolve(PASSWORD_FILE);
        try {
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
