package dev.tlsconsole.interchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Imports ({@code console.imports.*}). Every other upload keeps the small {@code spring.servlet.multipart.*}
 * limits; only the import endpoints (the Import page, {@code POST /api/v1/imports/genesys} and
 * {@code POST /api/v1/topology/import}) accept a real estate's archive or document.
 *
 * @param maxUploadSize   largest request an import endpoint reads (the archive of 50,000 connections is 8 MB)
 * @param maxUnpackedSize what an archive may unpack to in total (a ZIP bomb is refused with a 400 naming it)
 * @param maxArchiveFiles files an archive may hold
 * @param jobRetention    how long a background import job of the Import page is kept once finished, or
 *                        once nobody has asked for it (an abandoned page)
 */
@ConfigurationProperties("console.imports")
public record ImportLimits(
        @DefaultValue("64MB") DataSize maxUploadSize,
        @DefaultValue("256MB") DataSize maxUnpackedSize,
        @DefaultValue("200000") int maxArchiveFiles,
        @DefaultValue("30m") Duration jobRetention) {

    public ImportLimits {
        if (maxUploadSize.toBytes() < 1 || maxUnpackedSize.toBytes() < 1 || maxArchiveFiles < 1) {
            throw new IllegalArgumentException("console.imports limits must be positive");
        }
        if (jobRetention.isNegative() || jobRetention.isZero()) {
            throw new IllegalArgumentException("console.imports.job-retention must be above 0, not " + jobRetention);
        }
    }

    /** The size as the messages say it ({@code 64 MB}). */
    static String megabytes(DataSize size) {
        long mb = size.toMegabytes();
        return mb >= 1 ? mb + " MB" : size.toKilobytes() + " KB";
    }
}
