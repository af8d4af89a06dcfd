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
