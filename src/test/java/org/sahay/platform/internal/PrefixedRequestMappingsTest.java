package org.sahay.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class PrefixedRequestMappingsTest {

  private static RequestMappingInfo mapping(String... paths) {
    RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
    options.setPatternParser(new PathPatternParser());
    return RequestMappingInfo.paths(paths).methods(RequestMethod.POST).options(options).build();
  }

  @Test
  void aPatternsLiteralStartEndsAtItsFirstVariableOrWildcard() {
    assertThat(
            PrefixedRequestMappings.literalStart("/api/v1/distribution-rounds/{id}/distributions"))
        .isEqualTo("/api/v1/distribution-rounds/");
    assertThat(PrefixedRequestMappings.literalStart("/members/import"))
        .isEqualTo("/members/import");
    assertThat(PrefixedRequestMappings.literalStart("/static/**")).isEqualTo("/static/");
    assertThat(PrefixedRequestMappings.literalStart("/files/?.txt")).isEqualTo("/files/");
    assertThat(PrefixedRequestMappings.literalStart("{*path}")).isEmpty();
  }

  @Test
  void everyPatternOfAMappingGivesAPrefixAndNoPatternMeansAnyPath() {
    assertThat(PrefixedRequestMappings.prefixesOf(mapping("/a/{x}", "/b/c")))
        .containsExactlyInAnyOrder("/a/", "/b/c");
    assertThat(PrefixedRequestMappings.prefixesOf(mapping())).containsExactly("");
  }
}
