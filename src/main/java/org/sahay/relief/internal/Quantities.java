package org.sahay.relief.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Quantities in an item's unit: positive, at most three decimals, below a billion. */
public final class Quantities {

  private static final BigDecimal MAX = new BigDecimal("1000000000");

  private Quantities() {}

  /** True for a quantity that can be received, given or moved. */
  public static boolean valid(BigDecimal q) {
    return q != null && q.signum() > 0 && q.compareTo(MAX) < 0 && normal(q).scale() <= 3;
  }

  /** Without trailing zeros, never in exponent form (10, not 1E+1). */
  public static BigDecimal normal(BigDecimal q) {
    BigDecimal stripped = q.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static BigDecimal read(ResultSet rs, int column) throws SQLException {
    BigDecimal q = rs.getBigDecimal(column);
    return q == null ? BigDecimal.ZERO : normal(q);
  }

  static BigDecimal read(ResultSet rs, String column) throws SQLException {
    BigDecimal q = rs.getBigDecimal(column);
    return q == null ? BigDecimal.ZERO : normal(q);
  }
}
