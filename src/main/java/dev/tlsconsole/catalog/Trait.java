package dev.tlsconsole.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a component is, as far as wildcard rules need to know: the seed speaks of "all other Genesys
 * servers", "all supported databases", "Framework components" and "all SIP traffic", so the rules select
 * components by these attributes instead of listing them by hand.
 */
public enum Trait {
    /** a Genesys server application (other components connect to it); "all other Genesys Servers" */
    SERVER("server"),
    /** a database or DBMS; "all supported databases" */
    DATABASE("database"),
    /** part of Management Framework (Configuration, Management, Media, Services, Interaction layers) */
    FRAMEWORK("framework"),
    /** not a Genesys product (LDAP directory, Siebel, DBMS, browser, SIP devices…) */
    THIRD_PARTY("thirdParty"),
    /** terminates SIP signalling; "all SIP traffic", GVP SIP interfaces */
    SIP("sip"),
    /** speaks MRCP; GVP MRCP interfaces */
    MRCP("mrcp"),
    /** an outside web endpoint reached through GVP's HTTP interfaces */
    HTTP("http");

    private final String yamlName;

    Trait(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in {@code catalog.yaml}. */
    public String yamlName() {
        return yamlName;
    }

    static Optional<Trait> fromYaml(String text) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(text)).findFirst();
    }
}
