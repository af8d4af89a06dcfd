package org.sahay.access.internal;

import java.util.Optional;
import org.sahay.platform.Language;
import org.sahay.platform.UserLanguagePreference;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Keeps the signed-in user's language on their account, so it follows them to any phone. */
@Component
class UserLanguageStore implements UserLanguagePreference {

  private final UserStore users;

  UserLanguageStore(UserStore users) {
    this.users = users;
  }

  @Override
  public Optional<Language> languageOf(String username) {
    // The user this request already read (signed in by token or session): no second query.
    var request = RequestContextHolder.getRequestAttributes();
    if (request != null
        && request.getAttribute(SessionGuardFilter.USER, RequestAttributes.SCOPE_REQUEST)
            instanceof UserRecord read
        && read.username().equals(username)) {
      return Optional.ofNullable(read.language());
    }
    return users.findByUsername(username).map(UserRecord::language);
  }

  @Override
  public void store(String username, Language language) {
    users.setLanguage(username, language);
    var request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.removeAttribute(SessionGuardFilter.USER, RequestAttributes.SCOPE_REQUEST);
    }
  }
}
