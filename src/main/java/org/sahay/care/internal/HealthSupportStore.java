package org.sahay.care.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Health support given to members, and follow-ups of it. */
@Repository
public class HealthSupportStore extends SealedStore {

  HealthSupportStore(JdbcClient jdbc, Clock clock) {
    super(jdbc, clock, "health_support", "health_support_follow_up", "health_support_id");
  }
}
