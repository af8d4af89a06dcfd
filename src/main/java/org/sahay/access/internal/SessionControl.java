package org.sahay.access.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends a user's sessions on every app node, since sessions live in the database. */
@Component
public class SessionControl {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  SessionControl(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  /** The user's sessions on every node, by id. */
  public java.util.Map<String, ? extends Session> sessionsOf(String username) {
    return sessions.findByPrincipalName(username);
  }

  public void end(String sessionId) {
    sessions.deleteById(sessionId);
  }

  /** Ends every session of the user except {@code keep} (may be null); returns how many. */
  public int endSessions(String username, String keep) {
    var found = sessions.findByPrincipalName(username);
    int ended = 0;
    for (String id : found.keySet()) {
      if (!id.equals(keep)) {
        sessions.deleteById(id);
        ended++;
      }
    }
    return ended;
  }
}
