package org.sahay.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A sign-in's client address, and whether Sahay may take it for one person's own. The limit on
 * failures per address (across accounts) locks everyone who shares an address, so it counts only
 * addresses that belong to one client: a public address that reached Sahay directly, or the one a
 * trusted proxy named (Tomcat's remote IP valve has then already replaced the connecting address
 * and consumed the header). A private, loopback or link-local address is most often a proxy that
 * was not told to name the client, and an X-Forwarded-For header still present came through a proxy
 * Sahay does not trust (or was written by the client itself): such sign-ins are still limited per
 * account and address, never per address alone. The setting {@code
 * sahay.login.trust-private-addresses} counts private addresses too, for phones on a local network
 * with no proxy.
 */
final class ClientDetails extends WebAuthenticationDetails {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(ClientDetails.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private final boolean ownAddress;

  private ClientDetails(HttpServletRequest request, boolean ownAddress) {
    super(request);
    this.ownAddress = ownAddress;
  }

  /** Whether the address is one client's own, so that failures may be counted against it alone. */
  boolean ownAddress() {
    return ownAddress;
  }

  static AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> source(
      boolean trustPrivateAddresses) {
    return request -> {
      boolean own = own(request, trustPrivateAddresses);
      if (!own && WARNED.compareAndSet(false, true)) {
        log.warn(
            "A sign-in came from a private or loopback address, or with an X-Forwarded-For header"
                + " no trusted proxy set: failures from such addresses are limited per account,"
                + " not per address. Behind a proxy, have it set X-Forwarded-For and list it in"
                + " server.tomcat.remoteip.internal-proxies if it is not on a private network.");
      }
      return new ClientDetails(request, own);
    };
  }

  static boolean own(HttpServletRequest request, boolean trustPrivateAddresses) {
    if (request.getHeader("X-Forwarded-For") != null) {
      return false;
    }
    return trustPrivateAddresses || !isPrivate(request.getRemoteAddr());
  }

  static boolean isPrivate(String address) {
    if (address == null || address.isBlank()) {
      return true;
    }
    try {
      // A literal address only, never a name lookup: with SAHAY_FORWARD_HEADERS=framework the
      // address is whatever the client's X-Forwarded-For said. getByName reads a string with a
      // colon as an IPv6 literal only, and four dotted numbers as IPv4.
      if (!address.contains(":") && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        return true;
      }
      InetAddress parsed = InetAddress.getByName(address);
      return parsed.isLoopbackAddress()
          || parsed.isSiteLocalAddress()
          || parsed.isLinkLocalAddress()
          || parsed.isAnyLocalAddress()
          || uniqueLocal(parsed)
          || carrierGrade(parsed);
    } catch (UnknownHostException e) {
      return true;
    }
  }

  // fc00::/7, IPv6's private range, which InetAddress does not call site-local.
  private static boolean uniqueLocal(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
  }

  // 100.64.0.0/10, shared by carriers' NAT: many phones behind one address.
  private static boolean carrierGrade(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
  }
}
