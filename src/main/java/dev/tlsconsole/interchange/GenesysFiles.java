package dev.tlsconsole.interchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import dev.tlsconsole.interchange.Incoming.ApplicationAttributes;
import dev.tlsconsole.interchange.Incoming.ConnectionIn;
import dev.tlsconsole.interchange.Incoming.HostAttributes;
import dev.tlsconsole.interchange.Incoming.PortIn;
import dev.tlsconsole.interchange.OptionFiles.Kind;
import dev.tlsconsole.interchange.OptionFiles.OptionFile;
import dev.tlsconsole.interchange.OptionFiles.UnreadableFile;
import dev.tlsconsole.interchange.OptionFiles.Warning;

/**
 * Reads what {@code POST /imports/genesys} receives — the archive of the export, or any subset of its
 * files uploaded one by one — into one {@link Incoming}. Files are recognised by their place and name
 * ({@code hosts/*.cfg}, {@code applications/*.options.cfg}, {@code hosts.csv}, …); a single
 * {@code .cfg} anywhere is recognised by its header comment. Runbooks and the README are the export's
 * explanations and are skipped; {@code config-files/} are settings made on the hosts themselves and are
 * named in a warning; anything else is named in a warning and ignored.
 */
public final class GenesysFiles {

    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    static final int MAX_ENTRIES = 200_000;

    /** One uploaded file: its name and content. */
    public record Upload(String name, byte[] content) implements java.io.Serializable {
    }

    /** A public certificate or CRL that came with the files (PEM text), for the inventory. */
    record PublicMaterial(String file, String pem) {
    }

    private final Incoming incoming = new Incoming();
    private final List<PublicMaterial> certificates = new ArrayList<>();
    private final List<PublicMaterial> crls = new ArrayList<>();
    private final Map<String, String> optionFileOwners = new HashMap<>();

    Incoming incoming() {
        return incoming;
    }

    List<PublicMaterial> certificates() {
        return certificates;
    }

    List<PublicMaterial> crls() {
        return crls;
    }

    /** Reads every upload; a ZIP is opened, anything else is read as one file of the layout. */
    static GenesysFiles read(List<Upload> uploads) {
        return read(uploads, MAX_TOTAL_BYTES, MAX_ENTRIES);
    }

    /**
     * Reads every upload; an archive may unpack to at most {@code maxUnpacked} bytes in total and hold at most
     * {@code maxEntries} files (a ZIP bomb is a 400 naming the limit, not an exhausted heap).
     */
    static GenesysFiles read(List<Upload> uploads, long maxUnpacked, int maxEntries) {
        GenesysFiles files = new GenesysFiles();
        List<Upload> csvs = new ArrayList<>();
        List<Upload> all = new ArrayList<>();
        for (Upload upload : uploads) {
            if (isZip(upload.content())) {
                all.addAll(unzip(upload, maxUnpacked, maxEntries));
            } else if (upload.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                // named as the archive but not one: a file that cannot be read (400), not a file to ignore
                throw new UnreadableFile(upload.name(), 0, "not a ZIP archive");
            } else {
                all.add(upload);
            }
        }
        for (Upload file : all) {
            String path = file.name().replace('\\', '/');
            String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (base.endsWith(".csv")) {
                csvs.add(file);
            } else {
                files.readOne(path, base, file.content());
            }
        }
        // structure after the option files: a host or application line and its option file merge either way,
        // and applications.csv before ports.csv only matters for the warnings' order
        csvs.sort((a, b) -> Integer.compare(csvOrder(a.name()), csvOrder(b.name())));
        for (Upload csv : csvs) {
            files.readCsv(csv.name().replace('\\', '/'), text(csv.name(), csv.content()));
        }
        return files;
    }

    private static int csvOrder(String name) {
        String base = name.substring(name.replace('\\', '/').lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return switch (base) {
            case "hosts.csv" -> 0;
            case "applications.csv" -> 1;
            case "ports.csv" -> 2;
            case "connections.csv" -> 3;
            default -> 4;
        };
    }

    private void readOne(String path, String base, byte[] content) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (base.equals("readme.md") || lower.startsWith("runbooks/") || lower.endsWith("/") || base.isEmpty()) {
            return;
        }
        if (lower.startsWith("config-files/")) {
            incoming.warnings.add(new Warning(path, 0, "set on the host itself (the component reads only its own file): "
                    + "not imported, compare it with the host"));
            return;
        }
        if (base.endsWith(".pem") || base.endsWith(".crt") || base.endsWith(".cer")) {
            certificates.add(new PublicMaterial(path, text(path, content)));
            return;
        }
        if (base.endsWith(".crl")) {
            crls.add(new PublicMaterial(path, text(path, content)));
            return;
        }
        if (base.endsWith(".cfg")) {
            Kind expected = lower.startsWith("hosts/") ? Kind.HOST_ANNEX
                    : lower.endsWith(".annex.cfg") && lower.startsWith("applications/") ? Kind.APPLICATION_ANNEX
                    : lower.startsWith("applications/") ? Kind.APPLICATION_OPTIONS : null;
            OptionFile file = OptionFiles.read(path, text(path, content), expected);
            if (expected != null && file.kind() != expected) {
                throw new UnreadableFile(path, 1, "the header says '" + file.kind().header() + "' but the file's place is for '"
                        + expected.header() + "'");
            }
            String owner = file.kind().name() + "/" + Incoming.key(file.name());
            String earlier = optionFileOwners.putIfAbsent(owner, path);
            if (earlier != null) {
                throw new UnreadableFile(path, 1, file.kind().header() + " of '" + file.name() + "' also comes in " + earlier);
            }
            incoming.warnings.addAll(file.warnings());
            switch (file.kind()) {
                case HOST_ANNEX -> incoming.putHost(file.name(), null, file.security(), path);
                case APPLICATION_OPTIONS -> incoming.putApplication(file.name(), null, file.security(), null, null, path);
                case APPLICATION_ANNEX -> incoming.putApplication(file.name(), null, null, file.security(), null, path);
                default -> throw new IllegalStateException("unknown option file kind " + file.kind());
            }
            return;
        }
        incoming.warnings.add(new Warning(path, 0, "not a file of the Genesys interchange: ignored"));
    }

    private void readCsv(String path, String text) {
        String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        switch (base) {
            case "hosts.csv" -> {
                incoming.hostsListed = true;
                for (InterchangeCsv.Row row : InterchangeCsv.read(path, text, InterchangeCsv.HOSTS)) {
                    String name = required(path, row, "name");
                    incoming.putHost(name, new HostAttributes(row.get("ipAddress"), row.get("osType"), row.get("osVersion"),
                            row.get("securityPackVersion")), null, path + " line " + row.line());
                }
            }
            case "applications.csv" -> {
                incoming.applicationsListed = true;
                for (InterchangeCsv.Row row : InterchangeCsv.read(path, text, InterchangeCsv.APPLICATIONS)) {
                    String name = required(path, row, "name");
                    incoming.putApplication(name, new ApplicationAttributes(row.get("componentType"),
                            row.get("componentVersion"), row.get("host"), row.get("backup")), null, null, null,
                            path + " line " + row.line());
                }
            }
            case "ports.csv" -> {
                incoming.portsListed = true;
                for (InterchangeCsv.Row row : InterchangeCsv.read(path, text, InterchangeCsv.PORTS)) {
                    String application = required(path, row, "application");
                    String number = required(path, row, "number");
                    Integer port;
                    try {
                        port = Integer.valueOf(number.strip());
                    } catch (NumberFormatException e) {
                        throw new UnreadableFile(path, (int) row.line(), "number '" + number + "' is not a port number");
                    }
                    incoming.addPort(application, new PortIn(required(path, row, "portId"), port, row.get("listeningMode"),
                            row.get("transport") == null ? "" : row.get("transport")), path + " line " + row.line());
                }
            }
            case "connections.csv" -> {
                incoming.connectionsListed = true;
                for (InterchangeCsv.Row row : InterchangeCsv.read(path, text, InterchangeCsv.CONNECTIONS)) {
                    ConnectionIn connection = new ConnectionIn(required(path, row, "client"), required(path, row, "server"),
                            required(path, row, "portId"), row.get("transport") == null ? "" : row.get("transport"),
                            path + " line " + row.line());
                    if (incoming.connections.putIfAbsent(connection.key(), connection) != null) {
                        throw new UnreadableFile(path, (int) row.line(), "the connection " + connection.client() + " → "
                                + connection.server() + ":" + connection.portId() + " is listed twice");
                    }
                }
            }
            default -> incoming.warnings.add(new Warning(path, 0, "not a file of the Genesys interchange: ignored"));
        }
    }

    private static String required(String file, InterchangeCsv.Row row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new UnreadableFile(file, (int) row.line(), column + " is required");
        }
        return value;
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static List<Upload> unzip(Upload archive, long maxUnpacked, int maxEntries) {
        List<Upload> entries = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.content()), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= maxEntries) {
                    throw new UnreadableFile(archive.name(), 0, "more than " + maxEntries
                            + " files in the archive (the limit console.imports.max-archive-files)");
                }
                byte[] content = readBounded(zip, maxUnpacked - total, maxUnpacked, archive.name());
                total += content.length;
                entries.add(new Upload(entry.getName(), content));
            }
        } catch (ZipException e) {
            throw new UnreadableFile(archive.name(), 0, "not a readable ZIP archive: " + e.getMessage());
        } catch (IOException e) {
            throw new UnreadableFile(archive.name(), 0, "the archive could not be read"
                    + (e.getMessage() == null ? " (it ends before its last entry: truncated?)" : ": " + e.getMessage()));
        }
        return entries;
    }

    private static byte[] readBounded(InputStream in, long limit, long maxUnpacked, String archive) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            if (out.size() > limit) {
                throw new UnreadableFile(archive, 0, "the archive unpacks to more than " + (maxUnpacked >= 1024 * 1024
                        ? maxUnpacked / (1024 * 1024) + " MB" : maxUnpacked / 1024 + " KB")
                        + " (the limit console.imports.max-unpacked-size)");
            }
        }
        return out.toByteArray();
    }

    /** UTF-8 text; a file that is not UTF-8 is refused by name rather than read wrongly. */
    static String text(String file, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFile(file, 0, "not UTF-8 text");
        }
    }
}
