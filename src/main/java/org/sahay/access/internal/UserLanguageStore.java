package org.sahay.access.internal;

import java.util.Optional;
import org.sahay.platform.Language;
import org.sahay.platform.UserLanguagePreference;
import org.springframework.stereotype.Component;

/** Keeps the signed-in user's language on their account, so it follows them to any phone. */
@Component
class UserLanguageStore implements UserLanguagePreference {

  private final UserStore users;

  UserLanguageStore(UserStore users) {
    this.users = users;
  }

  @Override
  public Optional<Language> languageOf(String username) {
    return users.findByUsername(username).map(UserRecord::language);
  }

  @Override
  public void store(String username, Language language) {
    users.setLanguage(username, language);
  }
}
