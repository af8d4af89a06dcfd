package org.sahay.platform.internal.idempotency;

import java.time.Duration;
import org.sahay.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfig {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyConfig.class);
  // Phones may replay after days offline; a shorter retention would let them create twice.
  private static final Duration MINIMUM_RETENTION = Duration.ofDays(30);

  private final IdempotencyStore store;
  private final Duration retention;

  IdempotencyConfig(
      IdempotencyStore store, @Value("${sahay.idempotency.retention:40d}") Duration retention) {
    this.store = store;
    this.retention = retention.compareTo(MINIMUM_RETENTION) < 0 ? MINIMUM_RETENTION : retention;
  }

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      Problems problems,
      @Value("${sahay.idempotency.wait:10s}") Duration wait,
      @Value("${sahay.idempotency.stale-after:${SAHAY_IDEMPOTENCY_STALE_AFTER:5m}}")
          Duration staleAfter) {
    var registration =
        new FilterRegistrationBean<>(new IdempotencyFilter(store, problems, wait, staleAfter));
    // After Spring Security (order -100), so that the caller is known.
    registration.setOrder(0);
    registration.addUrlPatterns("/api/v1/*", "/sync/v1/*");
    return registration;
  }

  @Scheduled(cron = "${sahay.idempotency.cleanup-cron:0 17 3 * * *}")
  void forgetOldKeys() {
    int removed = store.deleteOlderThan(retention);
    log.info("Removed {} idempotency records older than {}", removed, retention);
  }
}
