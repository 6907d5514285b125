package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the openssl command line as an independent oracle: what the console writes must be readable by
 * the tool administrators (and Genesys' UNIX Security Pack) use. Without openssl on the PATH the test is
 * skipped with a message, except on CI (env CI=true) where that is a failure.
 */
final class OpenSsl {

    record Result(int exitCode, String output) {
    }

    private OpenSsl() {
    }

    static void requireAvailable() {
        boolean available;
        try {
            available = run(null, "version").exitCode() == 0;
        } catch (IllegalStateException e) {
            available = false;
        }
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the openssl command line is required on CI but is not on the PATH");
            }
            Assumptions.abort("openssl is not on the PATH: interoperability check skipped (install openssl to run it)");
        }
    }

    /** Runs {@code openssl args…} with {@code stdin} (may be null); stdout and stderr are merged. */
    static Result run(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                process.getOutputStream().write(stdin);
            }
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("openssl " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("openssl could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for openssl", e);
        }
    }

    /** Runs and fails the test with openssl's output unless it exits 0. */
    static String ok(byte[] stdin, String... args) {
        Result result = run(stdin, args);
        if (result.exitCode() != 0) {
            fail("openssl " + String.join(" ", args) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    static Path write(Path directory, String name, byte[] content) {
        try {
            return Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
