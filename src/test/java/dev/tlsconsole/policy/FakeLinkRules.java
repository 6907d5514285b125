package dev.tlsconsole.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A hand-made matrix: every link is listed and supported unless a test says otherwise. */
public final class FakeLinkRules implements LinkRules {

    public static final LinkVerdict SUPPORTED = new LinkVerdict(true, List.of(), List.of(), "listed");

    private final Map<String, LinkVerdict> verdicts = new HashMap<>();
    private int checks;

    public FakeLinkRules verdict(String clientType, String serverType, LinkVerdict verdict) {
        verdicts.put(clientType + "→" + serverType, verdict);
        return this;
    }

    /** How many times the engine asked; lets tests see that verdicts are shared. */
    public int checks() {
        return checks;
    }

    @Override
    public LinkVerdict check(String clientType, Version clientVersion, String serverType, Version serverVersion, String portId) {
        checks++;
        return verdicts.getOrDefault(clientType + "→" + serverType, SUPPORTED);
    }

    @Override
    public boolean supportsAutoDetect(String componentType) {
        return Set.of("Configuration Server", "Configuration Server Proxy").contains(componentType);
    }

    @Override
    public Optional<String> configFileOnly(String componentType) {
        return switch (componentType) {
            case "Local Control Agent" -> Optional.of("lca.cfg");
            case "Genesys Deployment Agent" -> Optional.of("gda.cfg");
            default -> Optional.empty();
        };
    }
}
