package dev.tlsconsole.topology.host;

import dev.tlsconsole.topology.host.HostCommands.HostView;

/** The new-host and edit-host form (the annex options have their own editor on the host page). */
public class HostForm {

    private String name;
    private String ipAddress;
    private String osType = "UNIX";
    private String securityPackVersion;
    private String osVersion;
    private Long version;

    static HostForm of(HostView host) {
        HostForm form = new HostForm();
        form.name = host.name();
        form.ipAddress = host.ipAddress();
        form.osType = host.osType();
        form.securityPackVersion = host.securityPackVersion();
        form.osVersion = host.osVersion();
        form.version = host.version();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public String getOsType() {
        return osType;
    }

    public void setOsType(String osType) {
        this.osType = osType;
    }

    public String getSecurityPackVersion() {
        return securityPackVersion;
    }

    public void setSecurityPackVersion(String securityPackVersion) {
        this.securityPackVersion = securityPackVersion;
    }

    public String getOsVersion() {
        return osVersion;
    }

    public void setOsVersion(String osVersion) {
        this.osVersion = osVersion;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
