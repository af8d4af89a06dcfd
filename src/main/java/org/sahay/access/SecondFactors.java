package org.sahay.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.sahay.access.internal.SecondFactorCodes;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A second factor at sign-in: a six-digit code from an authenticator app (RFC 6238), after the
 * password. Anyone may turn it on; with {@code sahay.login.second-factor=required} (the default)
 * everyone who may read sensitive data (organisation admins, counsellors, users granted it) and
 * system admins must, and cannot turn it off. The secret is sealed under the user's own data key;
 * each code is accepted once, on whichever node.
 */
@Service
public class SecondFactors {

  /** {@code data_key.organisation_id} of a system admin's key: they belong to no organisation. */
  static final OrganisationId PLATFORM = new OrganisationId(new UUID(0, 0));

  private static final String FIELD = "second-factor";

  /** Whether the factor is off for everyone, open to anyone, or required for sensitive roles. */
  public enum Mode {
    OFF,
    OPTIONAL,
    REQUIRED
  }

  private final JdbcClient jdbc;
  private final Vault vault;
  private final Clock clock;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Mode mode;

  SecondFactors(
      JdbcClient jdbc,
      Vault vault,
      Clock clock,
      AccessPolicy policy,
      AuditLog audit,
      @Value("${sahay.login.second-factor:required}") Mode mode) {
    this.jdbc = jdbc;
    this.vault = vault;
    this.clock = clock;
    this.policy = policy;
    this.audit = audit;
    this.mode = mode;
  }

  public Mode mode() {
    return mode;
  }

  public boolean enrolled(Actor actor) {
    return mode != Mode.OFF
        && jdbc.sql("select count(*) from user_second_factor where user_id = :u")
                .param("u", actor.id().value())
                .query(Long.class)
                .single()
            > 0;
  }

  /** True when this user must have a second factor before doing anything. */
  public boolean required(Actor actor) {
    return mode == Mode.REQUIRED
        && (actor.isSystemAdmin()
            || (actor.organisation() != null
                && policy.permits(actor, AccessAction.SENSITIVE_READ, actor.organisation())));
  }

  /** True when a sign-in of this user asks for a code, or for enrolment first. */
  public boolean asked(Actor actor) {
    return required(actor) || enrolled(actor);
  }

  /**
   * The secret to show for enrolment, sealed for the session until it is confirmed: the one this
   * session was shown already ({@code shown}), so that reloading the page does not change the key
   * the app was given, or else a new one.
   */
  public Enrolment start(Actor actor, byte[] shown) {
    byte[] secret =
        shown == null
            ? SecondFactorCodes.newSecret()
            : vault
                .openUnderMasterKey(context(actor), shown)
                .orElseGet(SecondFactorCodes::newSecret);
    return new Enrolment(
        SecondFactorCodes.grouped(secret),
        SecondFactorCodes.uri(actor.username(), secret),
        vault.sealUnderMasterKey(context(actor), secret));
  }

  /** What the enrolment page shows, and the secret sealed for the session. */
  public record Enrolment(String key, String uri, byte[] sealed) {}

  /** Confirms an enrolment with a first code; false when the code does not fit the secret. */
  @Transactional
  public boolean confirm(Actor actor, byte[] sealed, String code) {
    Optional<byte[]> secret = vault.openUnderMasterKey(context(actor), sealed);
    if (secret.isEmpty()) {
      return false;
    }
    OptionalLong step = SecondFactorCodes.matches(secret.get(), code, clock.instant(), -1);
    if (step.isEmpty()) {
      return false;
    }
    UUID subject = actor.id().value();
    remove(subject);
    vault.createKey(subject, actor.organisation() == null ? PLATFORM : actor.organisation());
    jdbc.sql(
            "insert into user_second_factor (user_id, secret, enrolled_at, last_step)"
                + " values (:u, :s, :now, :step)")
        .param("u", subject)
        .param("s", vault.encrypt(subject, FIELD, SecondFactorCodes.base32(secret.get())))
        .param("now", OffsetDateTime.now(clock))
        .param("step", step.getAsLong())
        .update();
    audit.record(event(actor, "SECOND_FACTOR_ENROLLED", "a second factor was turned on"));
    return true;
  }

  /** Checks a code at sign-in; each code is accepted once. Failures are audited. */
  @Transactional
  public boolean verify(Actor actor, String code) {
    var row =
        jdbc.sql("select secret, last_step from user_second_factor where user_id = :u")
            .param("u", actor.id().value())
            .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getLong(2)})
            .optional();
    if (row.isPresent()) {
      Optional<String> secret = vault.decrypt(actor.id().value(), FIELD, (byte[]) row.get()[0]);
      OptionalLong step =
          secret.isEmpty()
              ? OptionalLong.empty()
              : SecondFactorCodes.matches(
                  SecondFactorCodes.fromBase32(secret.get()),
                  code,
                  clock.instant(),
                  (Long) row.get()[1]);
      // Moved on only if no other node accepted this step or a later one meanwhile.
      if (step.isPresent()
          && jdbc.sql(
                      "update user_second_factor set last_step = :s"
                          + " where user_id = :u and last_step < :s")
                  .param("s", step.getAsLong())
                  .param("u", actor.id().value())
                  .update()
              == 1) {
        return true;
      }
    }
    audit.record(event(actor, "SECOND_FACTOR_FAILED", "a second-factor code was refused"));
    return false;
  }

  /** Turns the factor off, with a current code; refused while it is required. */
  @Transactional
  public boolean turnOff(Actor actor, String code) {
    if (required(actor) || !verify(actor, code)) {
      return false;
    }
    remove(actor.id().value());
    audit.record(event(actor, "SECOND_FACTOR_REMOVED", "a second factor was turned off"));
    return true;
  }

  /** Removes a user's factor for them (a lost phone); their next sign-in enrols anew. */
  @Transactional
  void reset(UUID user) {
    remove(user);
  }

  private void remove(UUID subject) {
    jdbc.sql("delete from user_second_factor where user_id = :u").param("u", subject).update();
    vault.destroyKey(subject);
  }

  private static String context(Actor actor) {
    return "second-factor-enrolment:" + actor.id().value();
  }

  private static AuditLog.Event event(Actor actor, String action, String summary) {
    return new AuditLog.Event(
        actor.username(),
        actor.organisation(),
        action,
        "user",
        actor.id().value().toString(),
        summary);
  }
}
