package org.sahay.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * While no user exists, Sahay logs a one-time set-up code; whoever holds it may create the first
 * system admin and organisation at {@code /setup}. Five wrong codes replace it with a new one, so
 * that guessing is pointless.
 */
@Component
public class FirstRun {

  private static final Logger log = LoggerFactory.getLogger(FirstRun.class);
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int MAX_WRONG = 5;
  private static final String FRAME = "=".repeat(80);

  private final Users users;
  private final SecureRandom random = new SecureRandom();
  private final AtomicReference<String> code = new AtomicReference<>();
  private final AtomicInteger wrong = new AtomicInteger();

  FirstRun(Users users) {
    this.users = users;
  }

  /** True while nobody can sign in yet. */
  public boolean isOpen() {
    return !users.anyExist();
  }

  /** Issues (and logs) a new code if set-up is open and none is active. */
  public void announce() {
    if (isOpen() && code.get() == null) {
      renew();
    }
  }

  /** Checks a code in constant time; too many wrong ones issue a new code. */
  public boolean accepts(String candidate) {
    String current = code.get();
    if (current == null || candidate == null) {
      return false;
    }
    String normalised = candidate.trim().toUpperCase(Locale.ROOT).replace("-", "");
    boolean ok =
        MessageDigest.isEqual(
            normalised.getBytes(StandardCharsets.UTF_8),
            current.replace("-", "").getBytes(StandardCharsets.UTF_8));
    if (!ok && wrong.incrementAndGet() >= MAX_WRONG) {
      log.warn("Too many wrong set-up codes; issuing a new one");
      renew();
    }
    return ok;
  }

  /** Forgets the code once set-up is done. */
  public void close() {
    code.set(null);
  }

  private void renew() {
    StringBuilder next = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        next.append('-');
      }
      next.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    code.set(next.toString());
    wrong.set(0);
    // Framed on lines of its own, so that it stands out from the rest of the start.
    log.warn(
        "\n\n{}\n  No user exists yet. Open /setup and enter this one-time set-up code: {}\n{}\n",
        FRAME,
        next,
        FRAME);
  }
}
