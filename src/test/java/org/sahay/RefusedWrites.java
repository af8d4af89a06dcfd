package org.sahay;

import java.util.HashSet;
import java.util.Set;

/**
 * Tables a refused request may still write to, left out when tests compare the database before and
 * after hostile requests: the audit log, sessions, sign-in counts, tokens' last use, stored API
 * answers and the records they name, node heartbeats, answered passkey challenges and the schema's
 * history.
 */
public final class RefusedWrites {

  public static final Set<String> TABLES =
      Set.of(
          "audit_entry",
          "audit_chain",
          "audit_chain_head",
          "app_node",
          "spring_session",
          "spring_session_attributes",
          "login_throttle",
          "passkey_challenge_used",
          "api_token",
          // A refused request's answer is kept for its replays, with the records it names (so
          // that erasing a member strips it): both by design.
          "idempotency_record",
          "idempotency_subject",
          "flyway_schema_history");

  /** {@link #TABLES}, and the users' own rows, which the callers' sign-ins touch. */
  public static final Set<String> WITH_SIGN_INS = with("app_user", "app_user_role");

  private static Set<String> with(String... more) {
    Set<String> all = new HashSet<>(TABLES);
    all.addAll(Set.of(more));
    return Set.copyOf(all);
  }

  private RefusedWrites() {}
}
