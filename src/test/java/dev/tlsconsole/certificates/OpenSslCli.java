package dev.tlsconsole.certificates;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The openssl command line as an independent judge of what the console serves (CRLs, exported keys).
 * Without openssl the calling test is skipped with a message, except on CI (CI=true) where it fails.
 */
public final class OpenSslCli {

    private OpenSslCli() {
    }

    public static void requireAvailable() {
        boolean available;
        try {
            available = exitCode(null, "version") == 0;
        } catch (IllegalStateException e) {
            available = false;
        }
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the openssl command line is required on CI but is not on the PATH");
            }
            Assumptions.abort("openssl is not on the PATH: interoperability check skipped");
        }
    }

    /** Runs {@code openssl args…} with {@code stdin} and returns its output; fails the test unless it exits 0. */
    public static String ok(byte[] stdin, String... args) {
        Run run = run(stdin, args);
        if (run.exitCode != 0) {
            fail("openssl " + String.join(" ", args) + " exited " + run.exitCode + ":\n" + run.output);
        }
        return run.output;
    }

    public static int exitCode(byte[] stdin, String... args) {
        return run(stdin, args).exitCode;
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(byte[] stdin, String... args) {
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
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("openssl could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for openssl", e);
        }
    }
}
