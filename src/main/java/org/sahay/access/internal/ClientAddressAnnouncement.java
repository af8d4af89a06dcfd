package org.sahay.access.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at start which client address the sign-in limits count failures against, so that whoever
 * runs Sahay behind a proxy sees at once whether every user would share the proxy's address.
 */
@Component
class ClientAddressAnnouncement implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ClientAddressAnnouncement.class);

  private final Environment environment;

  ClientAddressAnnouncement(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    log.info(describe(environment.getProperty("server.forward-headers-strategy", "none")));
    log.info(
        perAddressLimit(
            environment.getProperty("sahay.login.trust-private-addresses", Boolean.class, false)));
  }

  static String perAddressLimit(boolean trustPrivateAddresses) {
    return trustPrivateAddresses
        ? "The limit on failures per address (across accounts) counts every address that did not"
            + " come with an untrusted X-Forwarded-For header, private ones included"
            + " (sahay.login.trust-private-addresses=true): behind a proxy that does not name the"
            + " client, one attacker can lock everyone out"
        : "The limit on failures per address (across accounts) counts only addresses that are one"
            + " client's own: a public address, or the one a trusted proxy named. Sign-ins from a"
            + " private, loopback or link-local address (most often a proxy that does not name the"
            + " client) or with an X-Forwarded-For header no trusted proxy set are limited per"
            + " account and address only (sahay.login.trust-private-addresses=false)";
  }

  static String describe(String strategy) {
    return switch (strategy.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "native" ->
          "Sign-in limits count failures per client address: the first X-Forwarded-For address"
              + " not of a proxy on a private, link-local or loopback network (Tomcat's internal"
              + " proxies) when the request comes through such a proxy, otherwise the connecting"
              + " address, so a client on the internet cannot choose its own"
              + " (SAHAY_FORWARD_HEADERS=native)";
      case "framework" ->
          "Sign-in limits count failures per client address: taken from X-Forwarded-For by the"
              + " framework, whoever sends it (SAHAY_FORWARD_HEADERS=framework): use only behind"
              + " a proxy that overwrites that header";
      default ->
          "Sign-in limits count failures per connecting address and ignore X-Forwarded-For"
              + " (SAHAY_FORWARD_HEADERS=none): behind a proxy every user shares the proxy's"
              + " address, so one attacker can lock everyone out; set SAHAY_FORWARD_HEADERS=native"
              + " there";
    };
  }
}
