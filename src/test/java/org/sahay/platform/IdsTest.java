package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsAreVersion7AndOrderedByTime() throws InterruptedException {
    UUID first = Ids.newId();
    Thread.sleep(2);
    UUID second = Ids.newId();
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(first.getMostSignificantBits() >>> 16)
        .isLessThan(second.getMostSignificantBits() >>> 16);
    assertThat(first.toString().compareTo(second.toString())).isNegative();
  }
}
