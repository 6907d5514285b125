package dev.tlsconsole.probe;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Probes ({@code console.probes.*}).
 *
 * @param allowedNetworks CIDR blocks the console may connect to; a host of the topology outside them is
 *                        refused. Default: loopback only, so a fresh console probes nothing else
 * @param timeout         bound of one handshake attempt (connect and read); at most 5 s
 * @param maxInFlight     probes running at once; one more is refused until one ends
 * @param schedule        periodic probes of every secure port
 */
@ConfigurationProperties("console.probes")
public record ProbeProperties(
        @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> allowedNetworks,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("4") int maxInFlight,
        @DefaultValue Schedule schedule) {

    static final Duration MAX_TIMEOUT = Duration.ofSeconds(5);

    public ProbeProperties {
        allowedNetworks = List.copyOf(allowedNetworks);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("console.probes.timeout must be above 0 and at most 5s, not " + timeout);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("console.probes.max-in-flight must be at least 1, not " + maxInFlight);
        }
    }

    /**
     * @param enabled  off by default: probing every secure port is a decision an ADMIN takes
     * @param interval time between two rounds
     */
    public record Schedule(@DefaultValue("false") boolean enabled, @DefaultValue("6h") Duration interval) {
    }
}
