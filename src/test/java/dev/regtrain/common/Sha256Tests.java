package dev.regtrain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Tests {

    @Test
    void givesTheStandardsTestVectorInLowerCaseHexWholeOrInPieces() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; // FIPS 180-2, B.1

        MessageDigest pieces = Sha256.digest();
        pieces.update(abc, 0, 1);
        pieces.update(abc, 1, 2);

        assertThat(Sha256.hex(abc)).isEqualTo(expected);
        assertThat(Sha256.hex(pieces)).isEqualTo(expected);
        assertThat(Sha256.hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
