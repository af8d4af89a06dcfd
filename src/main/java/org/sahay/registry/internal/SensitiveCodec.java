package org.sahay.registry.internal;

import org.sahay.registry.SensitiveProfile;
import tools.jackson.databind.json.JsonMapper;

/** The sensitive profile as the JSON that gets encrypted, one ciphertext per member. */
final class SensitiveCodec {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SensitiveCodec() {}

  static String write(SensitiveProfile profile) {
    return JSON.writeValueAsString(profile);
  }

  static SensitiveProfile read(String json) {
    return JSON.readValue(json, SensitiveProfile.class);
  }
}
