package org.sahay.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 10 characters, not a commonly used password, not the username. Returns the message key
 * of the first rule broken.
 */
@Component
class PasswordPolicy {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 128;

  private final Set<String> common;

  PasswordPolicy() {
    this.common = load();
  }

  Optional<String> check(String username, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("password.tooShort");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("password.tooLong");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      return Optional.of("password.common");
    }
    if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("password.containsUsername");
    }
    return Optional.empty();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    var resource = new ClassPathResource("access/common-passwords.txt");
    try (var reader =
        new BufferedReader(
            new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.trim();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("common password list missing", e);
    }
    return Set.copyOf(words);
  }
}
