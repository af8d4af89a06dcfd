package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagesTest {

  @Test
  void aPageStartsAtItsFirstRowAndNeverBeforeTheFirstOrPastTheLimit() {
    assertThat(Pages.offset(0, 50)).isZero();
    assertThat(Pages.offset(3, 50)).isEqualTo(150);
    assertThat(Pages.offset(-7, 50)).isZero();
    assertThat(Pages.offset(Integer.MAX_VALUE, 200)).isEqualTo(100_000_000);
    assertThat(Pages.offset(1_431_655_765, 3)).isPositive();
  }
}
