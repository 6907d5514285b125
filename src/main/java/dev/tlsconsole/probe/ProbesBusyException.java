package dev.tlsconsole.probe;

/** Refuses a probe while {@code console.probes.max-in-flight} others run: 429 for the API, a message in the UI. */
class ProbesBusyException extends RuntimeException {

    ProbesBusyException() {
        super("Too many probes are running; try again in a few seconds");
    }
}
