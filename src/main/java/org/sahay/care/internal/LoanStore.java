package org.sahay.care.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loans and their repayments. */
@Repository
public class LoanStore extends SealedStore {

  LoanStore(JdbcClient jdbc, Clock clock) {
    super(jdbc, clock, "loan", "loan_repayment", "loan_id");
  }
}
