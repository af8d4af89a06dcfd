package org.sahay.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * What every page template needs besides its own data: translated messages, the CSRF token, asset
 * addresses with content hashes, and who is signed in. Built once per request.
 */
public final class Ui {

  private final MessageSource messages;
  private final Language language;
  private final String csrfParameter;
  private final String csrfToken;
  private final String username;
  private final Set<String> roles;
  private final String path;
  private final UnaryOperator<String> assets;
  private final boolean demo;

  public Ui(
      MessageSource messages,
      Language language,
      String csrfParameter,
      String csrfToken,
      String username,
      Set<String> roles,
      String path,
      UnaryOperator<String> assets,
      boolean demo) {
    this.messages = messages;
    this.language = language;
    this.csrfParameter = csrfParameter;
    this.csrfToken = csrfToken;
    this.username = username;
    this.roles = Set.copyOf(roles);
    this.path = path;
    this.assets = assets;
    this.demo = demo;
  }

  /** Whether this Sahay runs on demo data, fictional people only: every page says so. */
  public boolean demo() {
    return demo;
  }

  /** The message for a key in the page's language; a missing key shows the key, never fails. */
  public String t(String key, Object... args) {
    try {
      return messages.getMessage(key, args, language.locale());
    } catch (NoSuchMessageException e) {
      return key;
    }
  }

  /** The same page helper in another language, for a page printed in the organisation's. */
  public Ui in(Language other) {
    return new Ui(messages, other, csrfParameter, csrfToken, username, roles, path, assets, demo);
  }

  public Language language() {
    return language;
  }

  public String lang() {
    return language.code();
  }

  public List<Language> languages() {
    return List.of(Language.values());
  }

  /** The current page in another language. */
  public String languageLink(Language other) {
    return path + "?lang=" + other.code();
  }

  public String asset(String resourcePath) {
    return assets.apply(resourcePath);
  }

  public String csrfParameter() {
    return csrfParameter;
  }

  public String csrfToken() {
    return csrfToken;
  }

  public boolean hasCsrf() {
    return csrfToken != null;
  }

  public boolean signedIn() {
    return username != null;
  }

  public String username() {
    return username;
  }

  /** For showing menu entries only; every access decision is the access policy's. */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public String money(Money money) {
    return IndianFormats.money(money, language);
  }

  /** A moment in the page's language, in the given zone (the organisation's). */
  public String dateTime(Instant instant, ZoneId zone) {
    return IndianFormats.dateTime(instant, zone, language);
  }
}
