package dev.tlsconsole.certificates;

/** This instance's key-encryption key is not the one the database's sealed keys were written with. */
public class KeyEncryptionKeyMismatchException extends IllegalStateException {

    /** The one line an operator reads: what is wrong and how to fix it. */
    public static final String MESSAGE = "This console's key-encryption key differs from the one the database was set up"
            + " with: every instance on one database needs the same CONSOLE_KEY_ENCRYPTION_KEY (or the same key file,"
            + " console.key-encryption-key-file) - copy it from the instance that first used this database.";

    public KeyEncryptionKeyMismatchException() {
        super(MESSAGE);
    }
}
