package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnwrappedKeysTest {

  private static Aead aKey() throws Exception {
    AeadConfig.register();
    return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
        .getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  @Test
  void aKeyIsHandedOutOnlyForTheSameWrappedBytes() throws Exception {
    UnwrappedKeys keys = new UnwrappedKeys(10);
    UUID subject = Ids.newId();
    byte[] wrapped = {1, 2, 3, 4};
    Aead key = aKey();
    keys.put(subject, wrapped, key);
    // The caller's array may change afterwards: the cache kept its own copy.
    wrapped[0] = 9;

    assertThat(keys.get(subject, new byte[] {1, 2, 3, 4})).isSameAs(key);
    assertThat(keys.get(subject, new byte[] {9, 2, 3, 4})).isNull();
    assertThat(keys.get(subject, new byte[] {1, 2, 3})).isNull();
    assertThat(keys.get(Ids.newId(), new byte[] {1, 2, 3, 4})).isNull();
    keys.forget(subject);
    assertThat(keys.get(subject, new byte[] {1, 2, 3, 4})).isNull();
  }

  @Test
  void staysWithinItsBoundAndKeepsNothingWhenTheBoundIsZero() throws Exception {
    UnwrappedKeys keys = new UnwrappedKeys(64);
    Aead key = aKey();
    for (int i = 0; i < 1000; i++) {
      keys.put(Ids.newId(), new byte[] {(byte) i}, key);
      assertThat(keys.size()).isLessThanOrEqualTo(64);
    }
    UUID last = Ids.newId();
    keys.put(last, new byte[] {7}, key);
    assertThat(keys.get(last, new byte[] {7})).isSameAs(key);

    UnwrappedKeys none = new UnwrappedKeys(0);
    none.put(last, new byte[] {7}, key);
    assertThat(none.get(last, new byte[] {7})).isNull();
    assertThat(none.size()).isZero();
  }
}
