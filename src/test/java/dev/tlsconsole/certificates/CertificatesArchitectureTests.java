package dev.tlsconsole.certificates;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Keeps the crypto dependencies where STYLE.md puts them. */
class CertificatesArchitectureTests {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tlsconsole");

    @Test
    void onlyTheX509PackageUsesBouncyCastle() {
        noClasses().that().resideOutsideOfPackage("dev.tlsconsole.certificates.x509..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(PRODUCTION);
    }

    @Test
    void thePkiCoreKnowsNothingOfSpringOrJpa() {
        noClasses().that().resideInAPackage("dev.tlsconsole.certificates.x509..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                .check(PRODUCTION);
    }

    @Test
    void thePrivateKeyCipherUsesOnlyTheJdk() {
        classes().that().haveSimpleNameStartingWith("PrivateKeyCipher").or().haveSimpleName("KeyDecryptionException")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "dev.tlsconsole.certificates")
                .check(PRODUCTION);
    }
}
