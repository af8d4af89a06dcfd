package org.sahay.platform.internal.backup;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where each sealed column's key and field name come from, so that a collective that leaves gets
 * its records opened, not ciphertext: the subject whose data key sealed the value (a SQL expression
 * over the row) and the field it was bound to. Each entry mirrors a module's own {@code
 * vault.encrypt(subject, field, ...)}; {@code LeavingIntegrationTest} fails on a binary column that
 * is neither here nor in {@link #NOT_PERSONAL}, so a new sealed column cannot be forgotten.
 */
final class SealedColumns {

  /** One sealed column: {@code subject} and {@code field} are SQL expressions over its row. */
  record Sealed(String table, String column, String subject, String field) {
    String key() {
      return table + "." + column;
    }
  }

  static final List<Sealed> ALL =
      List.of(
          new Sealed("member", "personal", "id", "'personal'"),
          new Sealed("member", "sensitive", "id", "'sensitive-profile'"),
          new Sealed("member_document", "sealed", "member_id", "'document:' || type"),
          new Sealed("member_import", "content", "id", "'import-file'"),
          new Sealed("household", "village_sealed", "id", "'village'"),
          new Sealed("household_dependent", "sealed", "household_id", "'dependent'"),
          new Sealed("need", "sealed", "coalesce(member_id, household_id)", "'need'"),
          new Sealed("form_submission", "answers", "id", "'answers'"),
          new Sealed("relief_recipient", "personal", "id", "'recipient'"),
          new Sealed("donation", "donor_name", "id", "'donor_name'"),
          new Sealed("donation", "donor_contact", "id", "'donor_contact'"),
          new Sealed("expense_proof", "content", "expense_id", "'proof'"),
          new Sealed(
              "support_file",
              "content",
              "coalesce(disbursement_id, request_id)",
              "case when disbursement_id is null then 'attachment:' || cast(id as varchar(36))"
                  + " else 'proof' end"),
          new Sealed("beneficiary_list_row", "sealed", "member_id", "'district-list-row'"),
          new Sealed("stakeholder_contact", "sealed", "id", "'stakeholder-contact'"),
          new Sealed("engagement", "sealed", "id", "'engagement-record'"),
          new Sealed("counselling_session", "notes", "member_id", "'counselling-notes'"),
          new Sealed("health_support", "sealed", "member_id", "'health-support'"),
          new Sealed("incident", "sealed", "member_id", "'incident'"),
          new Sealed(
              "incident_follow_up",
              "sealed",
              "(select i.member_id from incident i where i.id = incident_id)",
              "'incident-follow-up'"),
          new Sealed("loan", "sealed", "member_id", "'loan'"),
          new Sealed(
              "loan_repayment",
              "sealed",
              "(select l.member_id from loan l where l.id = loan_id)",
              "'loan-repayment'"),
          new Sealed("training", "material", "id", "'training-material'"));

  /**
   * Binary columns that hold no sealed personal field: keyed lookup features (tokens, useless
   * without the index key and meaningless to a person), health-support follow-ups, which no code
   * writes yet, and sign-in credentials.
   */
  static final List<String> NOT_PERSONAL =
      List.of(
          "match_record.features",
          "health_support_follow_up.sealed",
          // Credentials, never exported (Leaving.NEVER_EXPORTED): a second factor's secret, and
          // a passkey's public key, its id, the object it was registered with and its user's
          // random handle, which open nothing and name nobody.
          "user_second_factor.secret",
          "passkey_user.user_handle",
          "passkey_credential.credential_id",
          "passkey_credential.public_key",
          "passkey_credential.attestation_object");

  static final Map<String, Sealed> BY_KEY =
      ALL.stream().collect(Collectors.toMap(Sealed::key, Function.identity()));

  private SealedColumns() {}
}
