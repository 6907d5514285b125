package dev.tlsconsole.certificates.x509;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Certificate serial numbers drawn from a CSPRNG: 127 bits, positive, top bit set so every serial has
 * the same 16-byte DER length. 126 random bits is well above the 64 bits CA/Browser Forum rules ask for
 * (unpredictable serials defeat chosen-prefix collision attacks) and below RFC 5280's 20-octet limit.
 */
final class SerialNumbers {

    static final int BITS = 127;

    private SerialNumbers() {
    }

    static BigInteger next(SecureRandom random) {
        return new BigInteger(BITS - 1, random).setBit(BITS - 1);
    }
}
