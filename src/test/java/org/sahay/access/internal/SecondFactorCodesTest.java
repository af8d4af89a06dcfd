package org.sahay.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * RFC 6238's own test vectors (SHA-1), and the rules Sahay adds: a window of one step, used once.
 */
class SecondFactorCodesTest {

  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void givesTheCodesOfRfc6238() {
    assertThat(
            SecondFactorCodes.code(
                RFC_SECRET, SecondFactorCodes.step(Instant.ofEpochSecond(59)), 8))
        .isEqualTo("94287082");
    assertThat(
            SecondFactorCodes.code(
                RFC_SECRET, SecondFactorCodes.step(Instant.ofEpochSecond(1111111109)), 8))
        .isEqualTo("07081804");
    assertThat(
            SecondFactorCodes.code(
                RFC_SECRET, SecondFactorCodes.step(Instant.ofEpochSecond(2000000000)), 8))
        .isEqualTo("69279037");
    assertThat(SecondFactorCodes.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  }

  @Test
  void acceptsOneStepEitherSideOnceAndNothingElse() {
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    long step = SecondFactorCodes.step(now);
    String before = SecondFactorCodes.code(RFC_SECRET, step - 1, 6);
    String after = SecondFactorCodes.code(RFC_SECRET, step + 1, 6);
    String far = SecondFactorCodes.code(RFC_SECRET, step - 3, 6);
    assertThat(SecondFactorCodes.matches(RFC_SECRET, before, now, 0)).hasValue(step - 1);
    assertThat(
            SecondFactorCodes.matches(
                RFC_SECRET, after.substring(0, 3) + " " + after.substring(3), now, 0))
        .hasValue(step + 1);
    assertThat(SecondFactorCodes.matches(RFC_SECRET, far, now, 0)).isEmpty();
    // Used once: not again, nor any code of a step up to the one last used.
    assertThat(SecondFactorCodes.matches(RFC_SECRET, before, now, step - 1)).isEmpty();
    assertThat(SecondFactorCodes.matches(RFC_SECRET, "12345", now, 0)).isEmpty();
    assertThat(SecondFactorCodes.matches(RFC_SECRET, null, now, 0)).isEmpty();
    assertThat(SecondFactorCodes.grouped("ABCDEFGHIJ")).isEqualTo("ABCD EFGH IJ");
    assertThat(SecondFactorCodes.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"))
        .isEqualTo(RFC_SECRET);
  }
}
