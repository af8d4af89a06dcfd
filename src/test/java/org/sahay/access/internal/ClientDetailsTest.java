package org.sahay.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientDetailsTest {

  private static MockHttpServletRequest from(String address) {
    var request = new MockHttpServletRequest("POST", "/login");
    request.setRemoteAddr(address);
    return request;
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.113.9", "198.51.100.4", "2001:db8::7"})
  void aPublicAddressWithNoForwardingHeaderIsTheClientsOwn(String address) {
    assertThat(ClientDetails.own(from(address), false)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "::1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.20",
        "169.254.10.1",
        "fe80::1",
        "fd12:3456::1",
        "100.64.3.4",
        "0.0.0.0",
        "",
        "proxy.internal",
        "abc",
        "12345"
      })
  void aPrivateAddressIsSharedUnlessTheOperatorSaysPhonesConnectDirectly(String address) {
    assertThat(ClientDetails.own(from(address), false)).isFalse();
    if (address.contains(".") && Character.isDigit(address.charAt(0)) || address.contains(":")) {
      assertThat(ClientDetails.own(from(address), true)).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.113.9", "10.1.2.3"})
  void anXForwardedForNoTrustedProxyConsumedMeansTheAddressIsAProxysOrMadeUp(String address) {
    var request = from(address);
    request.addHeader("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 250));
    assertThat(ClientDetails.own(request, false)).isFalse();
    assertThat(ClientDetails.own(request, true)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void theDetailsCarryTheAddressAndTheVerdict() {
    var details = (ClientDetails) ClientDetails.source(false).buildDetails(from("203.0.113.9"));
    assertThat(details.getRemoteAddress()).isEqualTo("203.0.113.9");
    assertThat(details.ownAddress()).isTrue();
    assertThat(
            ((ClientDetails) ClientDetails.source(false).buildDetails(from("10.0.0.1")))
                .ownAddress())
        .isFalse();
  }
}
