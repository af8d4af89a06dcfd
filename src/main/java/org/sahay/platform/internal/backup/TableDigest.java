package org.sahay.platform.internal.backup;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A digest of a table's rows that does not depend on the order they were read in: the sum, modulo
 * 2^256, of each row's SHA-256 over its values in portable form. H2 and PostgreSQL sort text and
 * UUIDs differently; equal rows give equal digests on both.
 */
final class TableDigest {

  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

  private final JsonMapper json;
  private final MessageDigest sha;
  private BigInteger sum = BigInteger.ZERO;
  private long rows;

  TableDigest(JsonMapper json) {
    this.json = json;
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds one row (its values in column-name order) and gives the row as written in a backup. */
  String add(List<Object> values) {
    String row = json.writeValueAsString(values);
    byte[] hash = sha.digest(row.getBytes(StandardCharsets.UTF_8));
    sum = sum.add(new BigInteger(1, hash)).mod(MODULUS);
    rows++;
    return row;
  }

  long rows() {
    return rows;
  }

  String hex() {
    return String.format("%064x", sum);
  }
}
