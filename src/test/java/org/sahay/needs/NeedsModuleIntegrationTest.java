package org.sahay.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The needs module started on its own with the modules it depends on (access, organisations,
 * platform, registry) and nothing above it: what it needs is declared, not borrowed from relief,
 * support or forms; and its rules hold against the real database.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(Fixtures.class)
class NeedsModuleIntegrationTest {

  @Autowired private Needs needs;
  @Autowired private NeedsMet met;
  @Autowired private Fixtures fixtures;
  @Autowired private org.sahay.registry.Members members;

  @Test
  void aNeedIsMetOnlyForWhomItIsOnceAndReopenedOnlyByWhatMetIt() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var leader = fixtures.user(collective, Role.LEADER).actor();
    var registered =
        (org.sahay.registry.Members.Outcome.Saved)
            members.register(
                leader,
                MemberInputs.member("Synthetic Module Member")
                    .yearOfBirth(1985)
                    .district("Guntur")
                    .build());
    MemberId member = registered.member().id();
    var saved =
        (Needs.Outcome.Saved)
            needs.record(leader, new Needs.Input(member.toString(), null, "food", "high", null));
    NeedId need = saved.need().id();

    assertThat(
            met.allOpenOf(
                leader,
                collective.id(),
                List.of(need),
                Beneficiary.member(new MemberId(UUID.randomUUID()))))
        .as("another member's need")
        .isFalse();
    assertThat(met.allOpenOf(leader, collective.id(), List.of(need), Beneficiary.member(member)))
        .isTrue();
    MetBy payment = MetBy.payment(UUID.randomUUID());
    met.meet(leader, collective.id(), List.of(need), payment);
    assertThat(needs.get(leader, need).status()).isEqualTo(NeedStatus.MET);
    // Met already: a second payment marks nothing, so reversing it reopens nothing.
    MetBy second = MetBy.payment(UUID.randomUUID());
    met.meet(leader, collective.id(), List.of(need), second);
    met.reopen(leader, collective.id(), second);
    assertThat(needs.get(leader, need).status()).isEqualTo(NeedStatus.MET);
    // Reversing the payment that met it puts it back where it was.
    met.reopen(leader, collective.id(), payment);
    assertThat(needs.get(leader, need).status()).isEqualTo(NeedStatus.OPEN);
    met.meet(leader, collective.id(), List.of(need), MetBy.payment(UUID.randomUUID()));
    assertThat(needs.get(leader, need).status()).isEqualTo(NeedStatus.MET);
  }
}
