package org.sahay.access.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as every
 * authenticator app makes them, and the base32 form in which a person types the secret into one.
 */
public final class SecondFactorCodes {

  static final int SECRET_BYTES = 20;
  private static final int STEP_SECONDS = 30;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecondFactorCodes() {}

  public static byte[] newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }

  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of {@code step}, {@code digits} long (6 in Sahay; 8 in RFC 6238's test vectors). */
  public static String code(byte[] secret, long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
      int modulus = (int) Math.pow(10, digits);
      return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The step whose code {@code typed} is, among the step of {@code now} and one either side (a
   * phone's clock a little off), if it comes after {@code lastUsed}: a code is used once.
   */
  public static OptionalLong matches(byte[] secret, String typed, Instant now, long lastUsed) {
    if (typed == null) {
      return OptionalLong.empty();
    }
    String code = typed.replace(" ", "").strip();
    if (!code.matches("[0-9]{6}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    for (long step = current - 1; step <= current + 1; step++) {
      if (step > lastUsed && constantTimeEquals(code(secret, step, 6), code)) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** RFC 4648 base32 without padding, in groups of four for reading aloud or typing. */
  public static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** The secret as a person types it: base32 in groups of four. */
  public static String grouped(byte[] secret) {
    return grouped(base32(secret));
  }

  /** The bytes of a base32 text (spaces and case ignored). */
  public static byte[] fromBase32(String text) {
    String clean = text.replace(" ", "").toUpperCase(Locale.ROOT);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not base32");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  static String grouped(String base32) {
    return base32.replaceAll("(.{4})(?!$)", "$1 ");
  }

  /** The address authenticator apps read (from a link, or typed as the key). */
  public static String uri(String username, byte[] secret) {
    String label = java.net.URLEncoder.encode("Sahay:" + username, StandardCharsets.UTF_8);
    return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=Sahay";
  }

  private static boolean constantTimeEquals(String a, String b) {
    return java.security.MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
