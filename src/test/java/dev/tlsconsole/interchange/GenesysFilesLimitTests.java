package dev.tlsconsole.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import dev.tlsconsole.interchange.GenesysFiles.Upload;
import dev.tlsconsole.interchange.OptionFiles.UnreadableFile;

/** A ZIP bomb — an archive that unpacks far beyond its size, or holds a flood of files — is refused naming the limit. */
class GenesysFilesLimitTests {

    @Test
    void anArchiveUnpackingBeyondTheLimitIsRefusedNamingIt() throws IOException {
        // 4 MB of zeros compress to a few kilobytes
        byte[] bomb = zip(1, 4 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(64 * 1024);

        assertThatThrownBy(() -> GenesysFiles.read(List.of(new Upload("estate.zip", bomb)), 1024 * 1024, 100))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("unpacks to more than 1 MB").hasMessageContaining("console.imports.max-unpacked-size");
        assertThat(GenesysFiles.read(List.of(new Upload("estate.zip", bomb)), 8 * 1024 * 1024, 100).incoming().hosts)
                .isEmpty();
    }

    @Test
    void anArchiveWithMoreFilesThanTheLimitIsRefusedNamingIt() throws IOException {
        byte[] flood = zip(11, 1);

        assertThatThrownBy(() -> GenesysFiles.read(List.of(new Upload("estate.zip", flood)), 1024 * 1024, 10))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("more than 10 files").hasMessageContaining("console.imports.max-archive-files");
    }

    /** An archive of {@code files} runbooks (which the import skips) of {@code bytes} zeros each. */
    private static byte[] zip(int files, int bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < files; i++) {
                zip.putNextEntry(new ZipEntry("runbooks/host-" + i + ".md"));
                zip.write(new byte[bytes]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
