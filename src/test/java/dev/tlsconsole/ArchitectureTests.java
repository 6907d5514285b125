package dev.tlsconsole;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import dev.tlsconsole.resolution.LiveEngine;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.preview.PolicyPreview;

/** The dependency rules of STYLE.md, checked on the compiled code. */
@AnalyzeClasses(packages = "dev.tlsconsole",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTests.NotGeneratedAheadOfTime.class})
class ArchitectureTests {

    /**
     * Leaves out the classes Spring AOT generates at packaging ({@code Xxx__BeanDefinitions} and the like): they
     * are Spring's code, not ours, and an earlier {@code package} leaves them in target/classes for the next run.
     */
    static final class NotGeneratedAheadOfTime implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("__");
        }
    }

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

    @ArchTest
    static final ArchRule rootDependsOnNoFeature = noClasses().that().resideInAPackage("dev.tlsconsole")
            .should().dependOnClassesThat().resideInAPackage("dev.tlsconsole.*..")
            .because("the root package holds what every feature shares, so it cannot lean on any of them");

    /** Every top-level feature is a slice, and so is the root package (whose classes no pattern slice holds). */
    private static final SliceAssignment FEATURES_AND_ROOT = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals("dev.tlsconsole")) {
                return SliceIdentifier.of("(root)");
            }
            if (name.startsWith("dev.tlsconsole.")) {
                return SliceIdentifier.of(name.substring("dev.tlsconsole.".length()).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the features of dev.tlsconsole and its root package";
        }
    };

    @ArchTest
    static final ArchRule featuresAndRootHaveNoCycles = slices().assignedFrom(FEATURES_AND_ROOT).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule topologyEntitiesStayInTopology = noClasses().that().resideOutsideOfPackage("dev.tlsconsole.topology..")
            .should().dependOnClassesThat(resideInAPackage("dev.tlsconsole.topology..")
                    .and(or(annotatedWith(jakarta.persistence.Entity.class),
                            assignableTo(org.springframework.data.repository.Repository.class))))
            .because("features read each other through read records or query interfaces, never another feature's entities or repositories");

    @ArchTest
    static final ArchRule certificateEntitiesStayInCertificates = noClasses().that().resideOutsideOfPackage("dev.tlsconsole.certificates..")
            .should().dependOnClassesThat(resideInAPackage("dev.tlsconsole.certificates..")
                    .and(or(annotatedWith(jakarta.persistence.Entity.class),
                            assignableTo(org.springframework.data.repository.Repository.class))))
            .because("the Genesys interchange and the other features reach certificates and CRLs through the certificates"
                    + " feature's services (CertificateInterchange), never its entities or repositories");

    @ArchTest
    static final ArchRule oneClassRunsTheEngineOverLiveData = noClasses().that().resideOutsideOfPackage("dev.tlsconsole.policy..")
            .and().doNotBelongToAnyOf(LiveEngine.class)
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            or(assignableTo(PolicyResolver.class), assignableTo(PolicyPreview.class)))))
            .because("one service runs the engine over live data; the others ask it, with extra facts where they need them");

    @ArchTest
    static final ArchRule uiControllersEndWithController = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .should().haveSimpleNameEndingWith("Controller")
            .because("the feature packages share one shape (dev.tlsconsole.topology package-info): XxxController is a UI controller");

    @ArchTest
    static final ArchRule featureReadsAreReadOnlyAtClassLevel = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().resideInAnyPackage("dev.tlsconsole.topology..", "dev.tlsconsole.certificates..")
            .and().haveSimpleNameEndingWith("Reads")
            .should().beAnnotatedWith(com.tngtech.archunit.base.DescribedPredicate.<com.tngtech.archunit.core.domain.JavaAnnotation<?>>describe("@Transactional(readOnly = true)",
                    annotation -> annotation.getRawType().isEquivalentTo(org.springframework.transaction.annotation.Transactional.class)
                            && Boolean.TRUE.equals(annotation.get("readOnly").orElse(false))))
            .because("a feature's XxxReads only reads: one read-only transaction annotation at class level, not one per method");

    @ArchTest
    static final ArchRule featureReadsAreGuardedAtClassLevel = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().resideInAnyPackage("dev.tlsconsole.topology..", "dev.tlsconsole.certificates..")
            .and().haveSimpleNameEndingWith("Reads")
            .should().beAnnotatedWith(org.springframework.security.access.prepost.PreAuthorize.class)
            .because("a feature's XxxReads says once, at class level, who may read (dev.tlsconsole.topology package-info)");

    @ArchTest
    static final ArchRule featureServicesHoldOnlyChanges = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
            .that().areDeclaredInClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("XxxService of topology or certificates",
                    (JavaClass owner) -> owner.getSimpleName().endsWith("Service")
                            && (owner.getPackageName().startsWith("dev.tlsconsole.topology")
                                    || owner.getPackageName().startsWith("dev.tlsconsole.certificates"))))
            .should().beAnnotatedWith(com.tngtech.archunit.base.DescribedPredicate.<com.tngtech.archunit.core.domain.JavaAnnotation<?>>describe(
                    "@PreAuthorize(\"isAuthenticated()\")",
                    annotation -> annotation.getRawType().isEquivalentTo(org.springframework.security.access.prepost.PreAuthorize.class)
                            && "isAuthenticated()".equals(annotation.get("value").orElse(null))))
            .because("a feature's XxxService holds its changes; what any signed-in user may read belongs in its XxxReads");
}
