package org.sahay.needs.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the category and severity of sensitive needs written before migration V18, in batches, at
 * start-up; finds nothing to do once done.
 */
@Component
class NeedsUpgrade implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(NeedsUpgrade.class);
  private static final int BATCH = 200;

  private final NeedStore store;
  private final TransactionTemplate tx;

  NeedsUpgrade(NeedStore store, TransactionTemplate tx) {
    this.store = store;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    int sealed = 0;
    int done;
    while ((done = tx.execute(s -> store.sealOlderSensitive(BATCH))) > 0) {
      sealed += done;
    }
    if (sealed > 0) {
      log.info("Sealed the category and severity of {} screening needs", sealed);
    }
  }
}
