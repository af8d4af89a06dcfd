package org.sahay.access.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;

/**
 * Sahay as a passkey relying party: the domain passkeys are bound to and the addresses browsers may
 * answer from. {@code sahay.passkeys.origins} names the addresses people open Sahay at (scheme,
 * host and port, comma-separated), and the domain is the first one's host unless {@code
 * sahay.passkeys.rp-id} names a parent domain. Without origins, passkeys work on this machine only:
 * {@code localhost} on the port this node listens on, which is how Sahay is tried out and tested.
 */
public final class PasskeyRelyingParty implements ApplicationListener<WebServerInitializedEvent> {

  private static final Logger log = LoggerFactory.getLogger(PasskeyRelyingParty.class);

  private final Set<String> allowed = new CopyOnWriteArraySet<>();
  private final boolean configured;
  private final PublicKeyCredentialRpEntity entity;

  PasskeyRelyingParty(String origins, String rpId) {
    Arrays.stream(origins.split(","))
        .map(String::strip)
        .filter(o -> !o.isEmpty())
        .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
        .forEach(allowed::add);
    this.configured = !allowed.isEmpty();
    String host = configured ? URI.create(allowed.iterator().next()).getHost() : "localhost";
    if (host == null) {
      throw new IllegalStateException(
          "sahay.passkeys.origins: each origin is a scheme, a host and a port, as"
              + " https://sahay.example.org");
    }
    this.entity =
        PublicKeyCredentialRpEntity.builder()
            .id(rpId.isBlank() ? host : rpId.strip())
            .name("Sahay")
            .build();
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (configured || event.getApplicationContext().getServerNamespace() != null) {
      return;
    }
    allowed.add("http://localhost:" + event.getWebServer().getPort());
    log.info(
        "Passkeys answer http://localhost:{} only: set SAHAY_PASSKEY_ORIGINS to the address"
            + " people open Sahay at.",
        event.getWebServer().getPort());
  }

  /** The relying party as browsers are told it: its domain and the name Sahay. */
  public PublicKeyCredentialRpEntity entity() {
    return entity;
  }

  /** The origins browsers may answer from; read at every check. */
  Set<String> allowed() {
    return allowed;
  }
}
