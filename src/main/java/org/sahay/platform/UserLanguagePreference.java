package org.sahay.platform;

import java.util.Optional;

/** Where a signed-in user's language choice is kept; implemented by the access module. */
public interface UserLanguagePreference {

  Optional<Language> languageOf(String username);

  void store(String username, Language language);
}
