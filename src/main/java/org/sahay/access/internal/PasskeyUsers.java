package org.sahay.access.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

/**
 * Each passkey user's handle: random bytes an authenticator keeps instead of anything that names
 * the person, made when they add their first passkey.
 */
@Repository
public class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

  private final JdbcClient jdbc;

  PasskeyUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public PublicKeyCredentialUserEntity findById(Bytes id) {
    return jdbc.sql(
            "select u.username, p.user_handle from passkey_user p join app_user u"
                + " on u.id = p.user_id where p.user_handle = :h")
        .param("h", id.getBytes())
        .query((rs, n) -> entity(rs.getString(1), rs.getBytes(2)))
        .optional()
        .orElse(null);
  }

  @Override
  public PublicKeyCredentialUserEntity findByUsername(String username) {
    return jdbc.sql(
            "select u.username, p.user_handle from passkey_user p join app_user u"
                + " on u.id = p.user_id where u.username = :name")
        .param("name", username)
        .query((rs, n) -> entity(rs.getString(1), rs.getBytes(2)))
        .optional()
        .orElse(null);
  }

  /** Saves a handle made for the user of that name; a second one for the same user is ignored. */
  @Override
  public void save(PublicKeyCredentialUserEntity entity) {
    try {
      jdbc.sql(
              "insert into passkey_user (user_id, user_handle)"
                  + " select id, :h from app_user u where username = :name"
                  + " and not exists (select 1 from passkey_user p where p.user_id = u.id)")
          .param("h", entity.getId().getBytes())
          .param("name", entity.getName())
          .update();
    } catch (DuplicateKeyException alreadyHasOne) {
      // Two first passkeys added at once: the handle stored first is the user's.
    }
  }

  /** The user's handle, made on first use. */
  public PublicKeyCredentialUserEntity handleOf(String username) {
    PublicKeyCredentialUserEntity found = findByUsername(username);
    if (found != null) {
      return found;
    }
    save(entity(username, Bytes.random().getBytes()));
    return findByUsername(username);
  }

  @Override
  public void delete(Bytes id) {
    jdbc.sql("delete from passkey_user where user_handle = :h").param("h", id.getBytes()).update();
  }

  private static PublicKeyCredentialUserEntity entity(String username, byte[] handle) {
    return ImmutablePublicKeyCredentialUserEntity.builder()
        .name(username)
        .displayName(username)
        .id(new Bytes(handle))
        .build();
  }
}
