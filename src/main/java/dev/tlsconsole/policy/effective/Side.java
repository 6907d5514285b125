package dev.tlsconsole.policy.effective;

/** Which end of a connection a finding is about; {@code LINK} when it is about the pair. */
public enum Side {
    CLIENT, SERVER, LINK
}
