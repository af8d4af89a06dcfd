package org.sahay.organisations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sahay.access.FirstRun;
import org.sahay.access.Users;
import org.sahay.platform.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** First run: with the one-time code, create the first system admin and first organisation. */
@Service
public class Setup {

  /** Done, or field name to message key for each wrong field. */
  public sealed interface Outcome {
    record Done() implements Outcome {}

    record Invalid(Map<String, String> errors) implements Outcome {}
  }

  private final FirstRun firstRun;
  private final Users users;
  private final Organisations organisations;

  Setup(FirstRun firstRun, Users users, Organisations organisations) {
    this.firstRun = firstRun;
    this.users = users;
    this.organisations = organisations;
  }

  public boolean isOpen() {
    return firstRun.isOpen();
  }

  @Transactional
  public Outcome complete(
      String code, String username, String password, Language language, NewOrganisation first) {
    if (!firstRun.isOpen()) {
      return new Outcome.Invalid(Map.of("code", "setup.closed"));
    }
    if (!firstRun.accepts(code)) {
      return new Outcome.Invalid(Map.of("code", "setup.code.wrong"));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (users.createFirstSystemAdmin(username, password, language)
        instanceof Users.Outcome.Refused refused) {
      errors.put(refused.field(), refused.messageKey());
    }
    if (organisations.createAtSetup(username, first)
        instanceof Organisations.Creation.Invalid invalid) {
      errors.putAll(invalid.errors());
    }
    if (!errors.isEmpty()) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return new Outcome.Invalid(errors);
    }
    firstRun.close();
    return new Outcome.Done();
  }
}
