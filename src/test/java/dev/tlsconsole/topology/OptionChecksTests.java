package dev.tlsconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.policy.option.Level;

/** The topology's use of the option vocabulary: sections, transports, unknown keys and where problems are named. */
class OptionChecksTests {

    @Test
    void aSectionComesBackSortedWithUnknownKeysKept() {
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("trusted-ca", "/opt/ca.pem");
        entered.put("tls-mutal", "1");
        entered.put("certificate", "/opt/a.pem");
        ProblemList problems = ProblemList.create();

        Map<String, String> section = OptionChecks.section(Level.HOST, entered, problems, "security");

        assertThat(problems.isEmpty()).isTrue();
        assertThat(section.keySet()).containsExactly("certificate", "tls-mutal", "trusted-ca");
        assertThat(OptionChecks.sectionWarnings("security", section)).singleElement()
                .satisfies(w -> assertThat(w.field()).isEqualTo("security.tls-mutal"));
    }

    @Test
    void problemsAreNamedByOptionAndLevel() {
        ProblemList problems = ProblemList.create().nested("applications[2]");
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("tls-target-name-check", "yes");
        entered.put("sec-protocol", "TLSv12\n");
        entered.put("client-auth", null);
        OptionChecks.section(Level.APPLICATION, entered, problems, "security");
        assertThat(problems.size()).isEqualTo(3);
        assertThatThrownBy(problems::throwIfAny).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly(
                        "applications[2].security.tls-target-name-check", "applications[2].security.sec-protocol",
                        "applications[2].security.client-auth"));
    }

    @Test
    void transportsParseToTheirCanonicalFormOrNameThePosition() {
        ProblemList problems = ProblemList.create();
        assertThat(OptionChecks.transport(Level.CONNECTION, "tls=1;port=2020;", problems, "transport"))
                .hasValueSatisfying(t -> assertThat(t.render()).isEqualTo("tls=1;port=2020"));
        assertThat(OptionChecks.transport(Level.CONNECTION, "tls=1;;", problems, "transport")).isEmpty();
        assertThat(OptionChecks.transport(Level.PORT, "tls=1;client-auth=0", problems, "transport")).isEmpty();
        assertThat(OptionChecks.transport(Level.PORT, null, problems, "transport")).hasValueSatisfying(t -> assertThat(t.isEmpty()).isTrue());
        assertThat(problems.size()).isEqualTo(2);
    }

    @Test
    void onlyTransportKeysThatLookLikeTlsOptionsAreFlagged() {
        assertThat(OptionChecks.transportWarnings("transport", "tls=1;backup-port=2021;sip.transport.0=x tls:any:5061")).isEmpty();
        assertThat(OptionChecks.transportWarnings("transport", "tls=1;tls-mutal=1")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("did you mean 'tls-mutual'?"));
    }
}
