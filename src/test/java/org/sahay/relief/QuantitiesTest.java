package org.sahay.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.sahay.relief.internal.Quantities;

class QuantitiesTest {

  @Property(tries = 200)
  void aQuantityIsShownWithoutExponentAndKeepsItsValue(
      @ForAll @BigRange(min = "0.001", max = "999999") @Scale(3) BigDecimal quantity) {
    BigDecimal normal = Quantities.normal(quantity);
    assertThat(normal.compareTo(quantity)).isZero();
    assertThat(normal.toString()).doesNotContain("E");
    assertThat(Quantities.valid(quantity)).isTrue();
  }
}
