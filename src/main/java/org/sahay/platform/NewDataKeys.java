package org.sahay.platform;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.sahay.platform.internal.crypto.MasterKeyset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes subjects' data keys, wraps them under the master keyset and stores a hundred a statement.
 */
final class NewDataKeys {

  private static final int PER_STATEMENT = 100;

  private final JdbcClient jdbc;
  private final MasterKeyset master;
  private final Clock clock;

  NewDataKeys(JdbcClient jdbc, MasterKeyset master, Clock clock) {
    this.jdbc = jdbc;
    this.master = master;
    this.clock = clock;
  }

  void create(List<UUID> subjects, OrganisationId organisation) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    // Making and wrapping a key is pure work: spread over the cores, then kept on this thread.
    Aead wrapping = master.aead();
    List<Made> made = InParallel.map(subjects, subject -> made(subject, wrapping));
    for (Made m : made) {
      FreshKeys.put(m.subject(), m.key());
    }
    for (int from = 0; from < made.size(); from += PER_STATEMENT) {
      List<Made> chunk = made.subList(from, Math.min(made.size(), from + PER_STATEMENT));
      var insert =
          jdbc.sql(
              "insert into data_key (subject_id, organisation_id, wrapped_key, created_at) values "
                  + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")));
      int p = 0;
      for (Made m : chunk) {
        insert =
            insert
                .param(++p, m.subject())
                .param(++p, organisation.value())
                .param(++p, m.wrapped())
                .param(++p, now);
      }
      insert.update();
    }
  }

  /** A subject's new key, and the same wrapped under the master keyset. */
  private record Made(UUID subject, Aead key, byte[] wrapped) {}

  private static Made made(UUID subject, Aead wrapping) {
    try {
      KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      return new Made(
          subject,
          key.getPrimitive(RegistryConfiguration.get(), Aead.class),
          TinkProtoKeysetFormat.serializeEncryptedKeyset(key, wrapping, Vault.keyContext(subject)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a data key", e);
    }
  }
}
