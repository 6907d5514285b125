package dev.tlsconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of STYLE.md, checked on the compiled code. */
@AnalyzeClasses(packages = "dev.tlsconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule policyIsPureJava = noClasses().that().resideInAPackage("dev.tlsconsole.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..", "org.bouncycastle..", "jakarta.servlet..")
            .because("the policy engine is a pure function over an immutable snapshot (DESIGN.md §3)");

    @ArchTest
    static final ArchRule policyKnowsNoOtherFeature = noClasses().that().resideInAPackage("dev.tlsconsole.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tlsconsole.topology..", "dev.tlsconsole.catalog..",
                    "dev.tlsconsole.certificates..", "dev.tlsconsole.audit..", "dev.tlsconsole.security..",
                    "dev.tlsconsole.web..", "dev.tlsconsole.api..")
            .because("features feed the engine, never the other way round");

    @ArchTest
    static final ArchRule bouncyCastleOnlyInX509 = noClasses().that().resideOutsideOfPackage("dev.tlsconsole.certificates.x509..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("Bouncy Castle is confined to certificates/x509 (STYLE.md)");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("dev.tlsconsole.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule auditDoesNotDependOnFeatures = noClasses().that().resideInAPackage("dev.tlsconsole.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tlsconsole.topology..", "dev.tlsconsole.certificates..",
                    "dev.tlsconsole.security..", "dev.tlsconsole.catalog..", "dev.tlsconsole.policy..")
            .because("every feature writes to the audit trail, so the trail cannot depend on them");
}
