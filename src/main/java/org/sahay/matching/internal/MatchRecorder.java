package org.sahay.matching.internal;

import org.sahay.platform.Vault;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberRecorded;
import org.sahay.registry.MembersMerged;
import org.sahay.registry.MembersRegistered;
import org.sahay.registry.MergeUndone;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each member's match record in step with the registry, inside the registry's own
 * transaction: made or made again when she is registered or changed, left out of scans while she is
 * merged into another, and deleted with every pair naming her when she is erased.
 */
@Component
class MatchRecorder {

  private final MatchRecordStore records;
  private final PairStore pairs;
  private final Vault vault;

  MatchRecorder(MatchRecordStore records, PairStore pairs, Vault vault) {
    this.records = records;
    this.pairs = pairs;
    this.vault = vault;
  }

  @EventListener
  void on(MemberRecorded m) {
    var plain = MatchKeys.Plain.of(m);
    records.save(
        m.member().value(), m.organisation(), MatchKeys.of(plain, keyed(m.organisation())));
  }

  /** New members registered together: their match records written in one bulk write. */
  @EventListener
  void on(MembersRegistered registered) {
    var keyed = keyed(vault.tokens(registered.organisation()));
    records.insertAll(
        registered.organisation(),
        org.sahay.platform.InParallel.map(
            registered.members(),
            m ->
                new MatchRecordStore.New(
                    m.member().value(), MatchKeys.of(MatchKeys.Plain.of(m), keyed))));
  }

  /**
   * A keyed 64-bit hash under the collective's index key: the first 8 bytes of the token (see
   * {@link Vault#token}) of the value marked as record linkage's, so that it never equals a token.
   */
  java.util.function.ToLongFunction<String> keyed(org.sahay.platform.OrganisationId organisation) {
    return keyed(vault.tokens(organisation));
  }

  private static java.util.function.ToLongFunction<String> keyed(
      java.util.function.UnaryOperator<String> tokens) {
    return value ->
        java.nio.ByteBuffer.wrap(
                java.util.Base64.getUrlDecoder().decode(tokens.apply("match|" + value)))
            .getLong();
  }

  @EventListener
  void on(MemberErased erased) {
    records.delete(erased.member().value());
    pairs.forget(erased.member().value());
  }

  @EventListener
  void on(MembersMerged merged) {
    records.active(merged.merged().value(), false);
  }

  @EventListener
  void on(MergeUndone undone) {
    records.active(undone.merged().value(), true);
  }
}
