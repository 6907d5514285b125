package dev.tlsconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host names and IP literals, checked without DNS. */
class NetworkNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"cfg-host-1", "CFG-HOST-1", "a", "cfg-host-1.example.com", "x1.y2.z3", "0abc"})
    void hostNamesOfRfc1123AreAccepted(String name) {
        assertThat(NetworkNames.hostNameProblem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-cfg", "cfg-", "cfg_host", "cfg host", "a..b", ".a", "a.", "é-host"})
    void otherHostNamesAreRefused(String name) {
        assertThat(NetworkNames.hostNameProblem(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.11", "0.0.0.0", "255.255.255.255", "::1", "fd00::11", "2001:db8::8a2e:370:7334",
            "::ffff:10.0.0.1"})
    void ipLiteralsAreAccepted(String address) {
        assertThat(NetworkNames.address(address).valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0", "10.0.0.256", "010.0.0.1", "10.0.0.1.5", "localhost", "cfg-host-1", "fd00::1::2",
            "fd00::g", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "12345::1"})
    void otherAddressesAreRefusedWithoutAskingDns(String address) {
        NetworkNames.Address result = NetworkNames.address(address);
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FD00::AB", " fd00::ab "})
    void ipv6IsStoredInLowerCaseWithoutSpaces(String address) {
        assertThat(NetworkNames.address(address).value()).isEqualTo("fd00::ab");
    }
}
