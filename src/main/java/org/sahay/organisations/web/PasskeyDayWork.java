package org.sahay.organisations.web;

import java.util.List;
import org.sahay.access.Actor;
import org.sahay.access.Passkeys;
import org.sahay.access.Role;
import org.sahay.organisations.DayWork;
import org.springframework.stereotype.Component;

/**
 * A leader without a passkey is asked, on her home page, to add one: signing in with the phone's
 * screen lock is quicker than a password on a small phone, and no look-alike page can use it.
 */
@Component
class PasskeyDayWork implements DayWork {

  private final Passkeys passkeys;

  PasskeyDayWork(Passkeys passkeys) {
    this.passkeys = passkeys;
  }

  @Override
  public List<Item> waitingFor(Actor by) {
    if (!by.has(Role.LEADER) || !passkeys.of(by).isEmpty()) {
      return List.of();
    }
    return List.of(new Item(90, "home.work.passkey", 0, null, "/account#passkeys"));
  }
}
