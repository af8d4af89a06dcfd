package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build writes a CycloneDX bill of materials into the jar (the cyclonedx-maven-plugin, as
 * Boot's parent configures it): every library Sahay ships, by package URL, to check against
 * advisories. It must name what runs, and nothing that only the tests use.
 */
class BillOfMaterialsTest {

  @Test
  @SuppressWarnings("unchecked")
  void theJarCarriesABillOfWhatItShipsAndOfNothingElse() throws IOException {
    Map<String, Object> bom;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("META-INF/sbom/application.cdx.json")) {
      assertThat(in).as("the build (generate-resources) writes the bill").isNotNull();
      bom = JsonMapper.builder().build().readValue(in, Map.class);
    }
    assertThat(bom).containsEntry("bomFormat", "CycloneDX");
    List<String> purls =
        ((List<Map<String, Object>>) bom.get("components"))
            .stream().map(c -> String.valueOf(c.get("purl"))).toList();
    assertThat(purls)
        .anyMatch(p -> p.startsWith("pkg:maven/com.google.crypto.tink/tink@"))
        .anyMatch(p -> p.startsWith("pkg:maven/org.postgresql/postgresql@"))
        .anyMatch(p -> p.startsWith("pkg:maven/com.h2database/h2@"))
        .anyMatch(p -> p.startsWith("pkg:maven/org.springframework.security/spring-security-web@"))
        .noneMatch(
            p -> p.contains("/junit-jupiter") || p.contains("selenium") || p.contains("jqwik"));
  }
}
