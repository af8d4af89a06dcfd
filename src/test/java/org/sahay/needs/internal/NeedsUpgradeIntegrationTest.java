package org.sahay.needs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.NeedSeverity;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.Vault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class NeedsUpgradeIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private Vault vault;
  @Autowired private NeedStore store;
  @Autowired private NeedsUpgrade upgrade;

  @Test
  void aScreeningNeedWrittenInPlainBeforeSealingIsSealedAtStartAndStillReadsTheSame() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    UUID member = UUID.randomUUID();
    vault.createKey(member, collective.id());
    UUID need = UUID.randomUUID();
    jdbc.sql(
            """
            insert into need (id, organisation_id, member_id, category, severity, status,
              sensitive, version, created_at, updated_at)
            values (:id, :org, :member, 'MENTAL_HEALTH', 'URGENT', 'OPEN', true, 0, :now, :now)
            """)
        .param("id", need)
        .param("org", collective.id().value())
        .param("member", member)
        .param("now", OffsetDateTime.now())
        .update();

    upgrade.run(null);

    Map<String, Object> row =
        jdbc.sql("select category, severity, sealed from need where id = :id")
            .param("id", need)
            .query()
            .singleRow();
    assertThat(row.get("category")).isEqualTo("SEALED");
    assertThat(row.get("severity")).isEqualTo("SEALED");
    var view = store.find(need).orElseThrow();
    assertThat(view.category()).isEqualTo(NeedCategory.MENTAL_HEALTH);
    assertThat(view.severity()).isEqualTo(NeedSeverity.URGENT);

    vault.destroyKey(member);
    assertThat(store.find(need).orElseThrow().severity())
        .as("with her key gone, nothing says it was urgent")
        .isEqualTo(NeedSeverity.MEDIUM);
  }
}
