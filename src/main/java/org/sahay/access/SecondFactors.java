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
            "insert into user_second_factor"
                + " (user_id, secret, enrolled_at, last_step, failures)"
                + " values (:u, :s, :now, :step, 0)")
        .param("u", subject)
        .param("s", vault.encrypt(subject, FIELD, SecondFactorCodes.base32(secret.get())))
        .param("now", OffsetDateTime.now(clock))
        .param("step", step.getAsLong())
        .update();
    audit.record(
        AuditLog.Event.ownAccount(
            actor, "SECOND_FACTOR_ENROLLED", "a second factor was turned on"));
    return true;
  }

  /**
   * Checks a code at sign-in; each code is accepted once. Failures are audited, and after {@link
   * #MAX_FAILURES} wrong codes within {@link #FAILURE_WINDOW} no code is accepted for the rest of
   * that window, however many sign-ins the password allows.
   */
  @Transactional
  public boolean verify(Actor actor, String code) {
    UUID user = actor.id().value();
    var row =
        jdbc.sql(
                "select secret, last_step, failures, failed_since from user_second_factor"
                    + " where user_id = :u")
            .param("u", user)
            .query(
                (rs, n) ->
                    new Stored(
                        rs.getBytes(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class)))
            .optional();
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime windowStart = now.minus(FAILURE_WINDOW);
    if (row.isPresent() && !row.get().lockedAt(windowStart)) {
      Optional<String> secret = vault.decrypt(user, FIELD, row.get().secret());
      OptionalLong step =
          secret.isEmpty()
              ? OptionalLong.empty()
              : SecondFactorCodes.matches(
                  SecondFactorCodes.fromBase32(secret.get()),
                  code,
                  clock.instant(),
                  row.get().lastStep());
      // Moved on only if no other node accepted this step or a later one meanwhile.
      if (step.isPresent()
          && jdbc.sql(
                      "update user_second_factor set last_step = :s, failures = 0,"
                          + " failed_since = null where user_id = :u and last_step < :s")
                  .param("s", step.getAsLong())
                  .param("u", user)
                  .update()
              == 1) {
        return true;
      }
    }
    if (row.isPresent()) {
      jdbc.sql(
              "update user_second_factor set"
                  + " failures = case when failed_since is null or failed_since < :start then 1"
                  + " else failures + 1 end,"
                  + " failed_since = case when failed_since is null or failed_since < :start"
                  + " then :now else failed_since end"
                  + " where user_id = :u")
          .param("start", windowStart)
          .param("now", now)
          .param("u", user)
          .update();
    }
    audit.record(
        AuditLog.Event.ownAccount(
            actor, "SECOND_FACTOR_FAILED", "a second-factor code was refused"));
    return false;
  }

  /** Wrong codes per account before codes are refused for the rest of the window. */
  static final int MAX_FAILURES = 10;

  static final java.time.Duration FAILURE_WINDOW = java.time.Duration.ofMinutes(15);

  private record Stored(byte[] secret, long lastStep, int failures, OffsetDateTime failedSince) {
    boolean lockedAt(OffsetDateTime windowStart) {
      return failures >= MAX_FAILURES && failedSince != null && failedSince.isAfter(windowStart);
    }
  }

  /** Turns the factor off, with a current code; refused while it is required. */
  @Transactional
  public boolean turnOff(Actor actor, String code) {
    if (required(actor) || !verify(actor, code)) {
      return false;
    }
    remove(actor.id().value());
    audit.record(
        AuditLog.Event.ownAccount(
            actor, "SECOND_FACTOR_REMOVED", "a second factor was turned off"));
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
}
