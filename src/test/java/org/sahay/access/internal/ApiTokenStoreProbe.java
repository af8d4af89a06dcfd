package org.sahay.access.internal;

/** Lets tests compute a token's stored hash the way the store does. */
public final class ApiTokenStoreProbe {

  private ApiTokenStoreProbe() {}

  public static String hash(String token) {
    return ApiTokenStore.hash(token);
  }
}
