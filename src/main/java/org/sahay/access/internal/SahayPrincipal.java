package org.sahay.access.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sahay.access.Action;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.UserId;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it, in the session table too: only ids, the username
 * and roles; the password hash is erased after sign-in.
 */
public final class SahayPrincipal implements UserDetails, CredentialsContainer, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final UUID id;
  private final UUID organisation;
  private final String username;
  private final List<String> roles;
  private final List<String> grants;
  private final boolean active;
  private String passwordHash;

  SahayPrincipal(UserRecord user) {
    this.id = user.id().value();
    this.organisation = user.organisation() == null ? null : user.organisation().value();
    this.username = user.username();
    this.roles = user.roles().stream().map(Role::name).sorted().toList();
    this.grants = user.grants().stream().map(Action::name).sorted().toList();
    this.active = user.active();
    this.passwordHash = user.passwordHash();
  }

  public UserId userId() {
    return new UserId(id);
  }

  public Actor actor() {
    return new Actor(
        new UserId(id),
        username,
        organisation == null ? null : new OrganisationId(organisation),
        roles.stream().map(Role::valueOf).collect(java.util.stream.Collectors.toSet()),
        grants.stream()
            .map(org.sahay.access.Actions::lookup)
            .flatMap(java.util.Optional::stream)
            .collect(java.util.stream.Collectors.toSet()));
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
  }

  Set<String> roleNames() {
    return Set.copyOf(roles);
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return active;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SahayPrincipal p && p.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "SahayPrincipal[" + id + "]";
  }
}
