package org.sahay.platform.internal.crypto;

import org.sahay.platform.Vault;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Starting with another master keyset than the database's is refused in one plain sentence. */
public class MasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<Vault.WrongMasterKeyset> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, Vault.WrongMasterKeyset cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set SAHAY_MASTER_KEYSET to the keyset file this database was created with (restore it"
            + " from its backup). Never delete it: without it no encrypted field can be read.",
        cause);
  }
}
