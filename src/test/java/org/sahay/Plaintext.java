package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks through tables as they lie in the database for words that should only be there sealed. */
public final class Plaintext {

  private Plaintext() {}

  /** No value of any row of {@code tables}, bytes read as text, contains any of {@code words}. */
  public static void absent(JdbcClient jdbc, String[] tables, String... words) {
    for (String table : tables) {
      for (Map<String, Object> row : jdbc.sql("select * from " + table).query().listOfRows()) {
        for (Object value : row.values()) {
          String text =
              value instanceof byte[] bytes
                  ? new String(bytes, StandardCharsets.ISO_8859_1)
                  : String.valueOf(value);
          assertThat(text).as(table).doesNotContain(words);
        }
      }
    }
  }
}
