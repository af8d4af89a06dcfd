package org.sahay.registry.internal;

import org.sahay.platform.Vault;
import org.sahay.registry.MemberId;
import org.sahay.registry.SensitiveProfile;
import org.springframework.stereotype.Component;

/** Seals a sensitive profile under the member's key and opens it again. */
@Component
public class SensitiveProfiles {

  private static final String FIELD = "sensitive-profile";

  private final Vault vault;

  SensitiveProfiles(Vault vault) {
    this.vault = vault;
  }

  public byte[] seal(MemberId member, SensitiveProfile profile) {
    return profile == null
        ? null
        : vault.encrypt(member.value(), FIELD, SensitiveCodec.write(profile));
  }

  /** The profile, or null when none was recorded or the member's key is gone. */
  public SensitiveProfile open(MemberId member, byte[] sealed) {
    return vault.decrypt(member.value(), FIELD, sealed).map(SensitiveCodec::read).orElse(null);
  }
}
