package dev.tlsconsole.topology.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tlsconsole.policy.option.TransportString;

/**
 * The options editor's form, the same at every level: one row per option, plus (ports and
 * connections) the raw transport text, and the version the edit is based on. Mutable, as Spring's
 * data binding needs.
 */
public class OptionsForm {

    private List<OptionRow> rows = new ArrayList<>();
    private String transport = "";
    private Long version;

    /** A {@code [security]} section, one row per option and a blank row to add one. */
    public static OptionsForm ofSection(Map<String, String> section, long version) {
        OptionsForm form = new OptionsForm();
        section.forEach((key, value) -> form.rows.add(new OptionRow(key, value)));
        form.rows.add(new OptionRow());
        form.version = version;
        return form;
    }

    /** A canonical transport string, one row per parameter in its order, and a blank row. */
    public static OptionsForm ofTransport(String transport, long version) {
        OptionsForm form = ofSection(TransportString.parse(transport).asMap(), version);
        form.transport = transport;
        return form;
    }

    public List<OptionRow> getRows() {
        return rows;
    }

    public void setRows(List<OptionRow> rows) {
        this.rows = rows == null ? new ArrayList<>() : rows;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport == null ? "" : transport;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    /** One option: its name, its value, and whether the user asked to remove it. */
    public static class OptionRow {
        private String key = "";
        private String value = "";
        private boolean remove;

        public OptionRow() {
        }

        OptionRow(String key, String value) {
            this.key = key;
            this.value = value;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key == null ? "" : key;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value == null ? "" : value;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }

        /** A row without a name and a value is the blank "add" row: it is ignored. */
        public boolean isBlank() {
            return key.isBlank() && value.isBlank();
        }
    }
}
