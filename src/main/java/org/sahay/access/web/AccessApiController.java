package org.sahay.access.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sahay.access.AccessTokens;
import org.sahay.access.Actor;
import org.sahay.access.OrganisationDirectory;
import org.sahay.access.Role;
import org.sahay.access.SecondFactors;
import org.sahay.access.Users;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Problems;
import org.sahay.platform.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Tokens, the caller, and users of an organisation, as JSON. */
@RestController
@RequestMapping("/api/v1")
class AccessApiController {

  record TokenRequest(String name) {}

  record TokenResponse(String token) {}

  record Me(String username, OrganisationView organisation, Set<String> roles) {}

  record OrganisationView(String id, String name, String kind) {}

  record NewUser(String username, String password, List<String> roles, String language) {}

  record UserView(
      String id, String username, String organisationId, Set<String> roles, boolean active) {}

  private final AccessTokens tokens;
  private final Users users;
  private final OrganisationDirectory organisations;
  private final Problems problems;
  private final SecondFactors secondFactors;

  AccessApiController(
      AccessTokens tokens,
      Users users,
      OrganisationDirectory organisations,
      Problems problems,
      SecondFactors secondFactors) {
    this.secondFactors = secondFactors;
    this.tokens = tokens;
    this.users = users;
    this.organisations = organisations;
    this.problems = problems;
  }

  /** HTTP Basic only: creates a token for scripts and returns it this once. */
  /**
   * A user with a second factor (or who must have one) gives its current code in {@code
   * X-Sahay-Second-Factor}: a password alone makes no token for them.
   */
  @PostMapping("/tokens")
  ResponseEntity<?> createToken(
      Actor actor,
      @RequestBody(required = false) TokenRequest request,
      @RequestHeader(name = "X-Sahay-Second-Factor", required = false) String code,
      HttpServletRequest http) {
    if (secondFactors.asked(actor)
        && (!secondFactors.enrolled(actor) || !secondFactors.verify(actor, code))) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .body(
              problems.of(
                  HttpStatus.UNAUTHORIZED,
                  secondFactors.enrolled(actor)
                      ? "secondFactor.api.code"
                      : "secondFactor.api.enrolFirst",
                  RequestContextUtils.getLocale(http)));
    }
    var created = tokens.issue(actor, request == null ? null : request.name(), "API");
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(new TokenResponse(created.secret()));
  }

  @GetMapping("/me")
  Me me(Actor actor) {
    OrganisationView organisation = null;
    if (actor.organisation() != null) {
      OrganisationId id = actor.organisation();
      organisation =
          new OrganisationView(
              id.toString(),
              organisations.nameOf(id).orElse(null),
              organisations.kindOf(id).orElse(null));
    }
    return new Me(actor.username(), organisation, names(actor.roles()));
  }

  @PostMapping("/organisations/{id}/users")
  ResponseEntity<?> createUser(
      Actor actor,
      @PathVariable OrganisationId id,
      @RequestBody NewUser body,
      HttpServletRequest request) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : body.roles() == null ? List.<String>of() : body.roles()) {
      try {
        roles.add(Role.valueOf(role));
      } catch (IllegalArgumentException e) {
        return invalid(request, "roles", "user.roles.unknown");
      }
    }
    Language language =
        body.language() == null ? Language.EN : Language.fromCode(body.language()).orElse(null);
    if (language == null) {
      return invalid(request, "language", "user.language.invalid");
    }
    var outcome = users.create(actor, id, body.username(), body.password(), roles, language);
    if (outcome instanceof Users.Outcome.Refused refused) {
      return invalid(request, refused.field(), refused.messageKey());
    }
    var done = (Users.Outcome.Done) outcome;
    var user = users.get(actor, done.id());
    return ResponseEntity.created(URI.create("/api/v1/users/" + done.id()))
        .body(
            new UserView(
                user.id().toString(),
                user.username(),
                user.organisation().toString(),
                names(user.roles()),
                user.active()));
  }

  /** The organisation's users, for its admins and system admins; whether each is locked out. */
  record UserListed(
      String id,
      String username,
      String organisationId,
      Set<String> roles,
      boolean active,
      boolean lockedOut) {}

  @GetMapping("/organisations/{id}/users")
  List<UserListed> users(Actor actor, @PathVariable OrganisationId id) {
    Set<UserId> locked = users.lockedOut(actor, id);
    return users.of(actor, id).stream()
        .map(
            u ->
                new UserListed(
                    u.id().toString(),
                    u.username(),
                    u.organisation().toString(),
                    names(u.roles()),
                    u.active(),
                    locked.contains(u.id())))
        .toList();
  }

  /** Lifts every sign-in lock on a user's account; organisation admins of their organisation. */
  @PostMapping("/users/{id}/unlock")
  ResponseEntity<Void> unlock(Actor actor, @PathVariable UserId id) {
    users.unlock(actor, id);
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<?> invalid(HttpServletRequest request, String field, String key) {
    return problems.invalid(Map.of(field, key), RequestContextUtils.getLocale(request));
  }

  private static Set<String> names(Set<Role> roles) {
    Set<String> names = new TreeSet<>();
    roles.forEach(r -> names.add(r.name()));
    return names;
  }
}
