package org.sahay.care.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Safety incidents and their follow-ups. */
@Repository
public class IncidentStore extends SealedStore {

  IncidentStore(JdbcClient jdbc, Clock clock) {
    super(jdbc, clock, "incident", "incident_follow_up", "incident_id");
  }
}
