package dev.tlsconsole.topology;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The topology's sub-packages depend on each other one way only (connection → application → host;
 * bulk on all three; the shared package and its web support on none of them), and the policy
 * engine's vocabulary stays free of the topology.
 */
class TopologyArchitectureTests {

    private static final String ROOT = "dev.tlsconsole.topology";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tlsconsole");

    @Test
    void hostKnowsNoOtherTopologyObject() {
        noClasses().that().resideInAPackage(ROOT + ".host..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".application..", ROOT + ".connection..", ROOT + ".bulk..")
                .check(CLASSES);
    }

    @Test
    void applicationKnowsHostsButNotConnections() {
        noClasses().that().resideInAPackage(ROOT + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".connection..", ROOT + ".bulk..")
                .check(CLASSES);
    }

    @Test
    void connectionKnowsNothingOfTheBulkFeatures() {
        noClasses().that().resideInAPackage(ROOT + ".connection..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".bulk..")
                .check(CLASSES);
    }

    @Test
    void theSharedPackagesKnowNoObjectPackage() {
        noClasses().that().resideInAnyPackage(ROOT, ROOT + ".web")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".host..", ROOT + ".application..",
                        ROOT + ".connection..", ROOT + ".bulk..")
                .check(CLASSES);
    }

    @Test
    void thePolicyEngineDoesNotDependOnTheTopology() {
        noClasses().that().resideInAPackage("dev.tlsconsole.policy..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "..")
                .check(CLASSES);
    }
}
