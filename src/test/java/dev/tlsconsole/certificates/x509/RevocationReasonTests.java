package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RevocationReasonTests {

    @Test
    void everyRfc5280NameParsesInAnyCaseAndKeepsItsCode() {
        assertThat(Arrays.stream(RevocationReason.values()).map(RevocationReason::rfcName)).containsExactly(
                "unspecified", "keyCompromise", "cACompromise", "affiliationChanged", "superseded",
                "cessationOfOperation", "certificateHold", "removeFromCRL", "privilegeWithdrawn", "aACompromise");
        assertThat(RevocationReason.fromName("KEYCOMPROMISE")).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(RevocationReason.fromName(" cacompromise ")).isEqualTo(RevocationReason.CA_COMPROMISE);
        assertThat(RevocationReason.fromName("aACompromise").code()).isEqualTo(10);
        assertThat(RevocationReason.REMOVE_FROM_CRL.code()).isEqualTo(8);
        for (RevocationReason reason : RevocationReason.values()) {
            assertThat(RevocationReason.fromName(reason.rfcName())).isEqualTo(reason);
            assertThat(RevocationReason.fromCode(reason.code())).isEqualTo(reason);
        }
    }

    @Test
    void unknownNameIsRefusedWithTheValidNames() {
        assertThatThrownBy(() -> RevocationReason.fromName("stolen"))
                .isInstanceOf(PkiInputException.class)
                .hasMessageContaining("'stolen'")
                .hasMessageContaining("unspecified, keyCompromise, cACompromise")
                .hasMessageContaining("aACompromise");
        assertThatThrownBy(() -> RevocationReason.fromName(null)).isInstanceOf(PkiInputException.class);
        assertThatThrownBy(() -> RevocationReason.fromCode(7)).isInstanceOf(PkiInputException.class);
    }
}
