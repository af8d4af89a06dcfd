package org.sahay.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;

/** The rules of a need's life, without a database. */
class NeedViewTest {

  private static final UUID MEMBER = UUID.randomUUID();
  private static final UUID HOUSEHOLD = UUID.randomUUID();

  @Test
  void onlyAnOpenNeedOrOneBeingMetIsMetByAPaymentOrHandOver() {
    for (NeedStatus status : NeedStatus.values()) {
      boolean open = status == NeedStatus.OPEN || status == NeedStatus.BEING_MET;
      assertThat(need(status, MEMBER, null).open()).isEqualTo(open);
      assertThat(need(status, MEMBER, null).meet())
          .isEqualTo(open ? java.util.Optional.of(NeedStatus.MET) : java.util.Optional.empty());
    }
  }

  @Test
  void aMembersNeedIsHersAndAHouseholdsNeedIsTheHouseholdsNotEachOthers() {
    var hers = need(NeedStatus.OPEN, MEMBER, null);
    var theirs = need(NeedStatus.OPEN, null, HOUSEHOLD);
    Beneficiary member = Beneficiary.member(new MemberId(MEMBER));
    Beneficiary household = Beneficiary.household(new HouseholdId(HOUSEHOLD));
    assertThat(hers.of(member)).isTrue();
    assertThat(hers.of(household)).isFalse();
    assertThat(theirs.of(household)).isTrue();
    assertThat(theirs.of(member)).isFalse();
    assertThat(hers.of(Beneficiary.member(new MemberId(UUID.randomUUID())))).isFalse();
  }

  @Test
  void aChangeKeepsWhatItLeavesOutAndNeedsTheVersionSeen() {
    var need = need(NeedStatus.OPEN, MEMBER, null);
    assertThat(need.change("being_met", null, null, 2))
        .isEqualTo(new NeedView.Changed.To(NeedStatus.BEING_MET, NeedSeverity.HIGH, "leader1"));
    assertThat(need.change(null, "urgent", " leader2 ", 2))
        .isEqualTo(new NeedView.Changed.To(NeedStatus.OPEN, NeedSeverity.URGENT, "leader2"));
    assertThat(((NeedView.Changed.Invalid) need.change(null, null, null, null)).errors())
        .containsEntry("version", "member.version.required");
  }

  @Test
  void aStatusOrSeverityThatIsNoneAndAnOverlongNameAreRefusedFieldByField() {
    var changed =
        need(NeedStatus.OPEN, MEMBER, null).change("solved", "extreme", "x".repeat(65), 2);
    assertThat(((NeedView.Changed.Invalid) changed).errors())
        .containsEntry("status", "need.status.invalid")
        .containsEntry("severity", "need.severity.invalid")
        .containsEntry("followUpBy", "need.followUpBy.invalid");
  }

  private static NeedView need(NeedStatus status, UUID member, UUID household) {
    return new NeedView(
        new NeedId(UUID.randomUUID()),
        member,
        household,
        NeedCategory.FOOD,
        NeedSeverity.HIGH,
        status,
        false,
        "leader1",
        null,
        2,
        null,
        null);
  }
}
