package org.sahay.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.sahay.access.internal.SessionControl;
import org.springframework.stereotype.Service;

/**
 * A signed-in user's own sessions (on every app node, since sessions live in the database): when
 * each began and was last used, and a way to end any other one, for a phone lost or a sign-in left
 * open elsewhere. A session is named by a digest of its id, never the id itself, which is the
 * cookie that signs in with it. Ending one is audited.
 */
@Service
public class MySessions {

  /** One of the user's sessions; {@code current} is the one asking. */
  public record OwnSession(String handle, Instant began, Instant lastUsed, boolean current) {}

  private final SessionControl sessions;
  private final AuditLog audit;

  MySessions(SessionControl sessions, AuditLog audit) {
    this.sessions = sessions;
    this.audit = audit;
  }

  /** The user's sessions, the one asking first, then the most recently used. */
  public List<OwnSession> of(Actor actor, String currentSessionId) {
    List<OwnSession> found = new ArrayList<>();
    sessions
        .sessionsOf(actor.username())
        .forEach(
            (id, session) ->
                found.add(
                    new OwnSession(
                        handle(id),
                        session.getCreationTime(),
                        session.getLastAccessedTime(),
                        id.equals(currentSessionId))));
    found.sort(
        Comparator.comparing(OwnSession::current).thenComparing(OwnSession::lastUsed).reversed());
    return found;
  }

  /**
   * Ends the user's session named {@code handle}; false when the user has no such session, or it is
   * the one asking (signing out ends that one).
   */
  public boolean end(Actor actor, String handle, String currentSessionId) {
    for (String id : sessions.sessionsOf(actor.username()).keySet()) {
      if (handle(id).equals(handle) && !id.equals(currentSessionId)) {
        sessions.end(id);
        audit.record(event(actor, "one other session ended by its user"));
        return true;
      }
    }
    return false;
  }

  /** Ends every session of the user but the one asking; returns how many. */
  public int endOthers(Actor actor, String currentSessionId) {
    int ended = sessions.endSessions(actor.username(), currentSessionId);
    if (ended > 0) {
      audit.record(event(actor, ended + " other sessions ended by their user"));
    }
    return ended;
  }

  private static AuditLog.Event event(Actor actor, String summary) {
    return new AuditLog.Event(
        actor.username(),
        actor.organisation(),
        "SESSION_ENDED",
        "user",
        actor.id().value().toString(),
        summary);
  }

  static String handle(String sessionId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
