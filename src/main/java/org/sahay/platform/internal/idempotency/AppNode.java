package org.sahay.platform.internal.idempotency;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This running node, as the other nodes see it: a fresh id per start and a heartbeat in {@code
 * app_node}. A claim held by a node that stopped beating (killed, crashed, restarted under a new
 * id) may be taken over by a retry; a node that stops cleanly gives its claims back itself.
 */
@Component
class AppNode {

  private final UUID id = UUID.randomUUID();
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration deadAfter;
  private volatile boolean registered;

  AppNode(
      JdbcClient jdbc,
      Clock clock,
      @Value("${sahay.nodes.dead-after:${SAHAY_NODES_DEAD_AFTER:20s}}") Duration deadAfter) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.deadAfter = deadAfter;
  }

  UUID id() {
    return id;
  }

  /** Nodes whose last heartbeat is older than this are taken for dead. */
  OffsetDateTime aliveSince() {
    return OffsetDateTime.now(clock).minus(deadAfter);
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("insert into app_node (id, started_at, seen_at) values (:id, :now, :now)")
        .param("id", id)
        .param("now", now)
        .update();
    registered = true;
  }

  @Scheduled(
      fixedDelayString = "${sahay.nodes.heartbeat:5s}",
      initialDelayString = "${sahay.nodes.heartbeat:5s}")
  void beat() {
    if (!registered) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    int seen =
        jdbc.sql("update app_node set seen_at = :now where id = :id")
            .param("now", now)
            .param("id", id)
            .update();
    if (seen == 0) {
      // Removed by another node that took this one for dead after a long pause: alive again.
      start();
    }
    jdbc.sql("delete from app_node where seen_at < :cutoff")
        .param("cutoff", now.minusDays(1))
        .update();
  }

  /** A clean stop: what this node still holds goes back at once, and it leaves the table. */
  @PreDestroy
  void stop() {
    if (!registered) {
      return;
    }
    registered = false;
    jdbc.sql("delete from idempotency_record where owner_node = :id and state = 'IN_PROGRESS'")
        .param("id", id)
        .update();
    jdbc.sql("delete from app_node where id = :id").param("id", id).update();
  }
}
