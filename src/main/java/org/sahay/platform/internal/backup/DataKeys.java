package org.sahay.platform.internal.backup;

import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sahay.platform.Vault;
import org.sahay.platform.internal.crypto.MasterKeyset;

/**
 * Checks the data keys a restore brought back against the master keyset in use. A key wrapped under
 * a master key retired since (its backup is older than the retention period) can never be opened
 * again: it is removed, and the subject reads as erased, which is what retirement is for. A key
 * wrapped under a master key this keyset never held means the wrong keyset: the restore is refused.
 */
final class DataKeys {

  /** How many data keys open, and how many were dropped as retired. */
  record Checked(long opened, long retired) {}

  private final MasterKeyset master;

  DataKeys(MasterKeyset master) {
    this.master = master;
  }

  Checked check(Connection connection) throws SQLException {
    Set<Long> retiredKeys = master.retiredKeys();
    long opened = 0;
    List<UUID> retired = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement("select subject_id, wrapped_key from data_key");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        UUID subject = rs.getObject(1, UUID.class);
        byte[] wrapped = rs.getBytes(2);
        if (opens(subject, wrapped)) {
          opened++;
        } else if (retiredKeys.contains(MasterKeyset.keyIdOf(wrapped))) {
          retired.add(subject);
        } else {
          throw new Restorer.Refused(
              "This backup's data keys were wrapped under a master keyset other than "
                  + master.file().toAbsolutePath()
                  + ": set SAHAY_MASTER_KEYSET to the keyset of the installation that made it.");
        }
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement("delete from data_key where subject_id = ?")) {
      for (UUID subject : retired) {
        delete.setObject(1, subject);
        delete.addBatch();
      }
      if (!retired.isEmpty()) {
        delete.executeBatch();
      }
    }
    return new Checked(opened, retired.size());
  }

  private boolean opens(UUID subject, byte[] wrapped) {
    try {
      TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master.aead(), Vault.keyContext(subject));
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
