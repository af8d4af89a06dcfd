package org.sahay.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.platform.OrganisationId;
import org.sahay.relief.ItemId;

/** The rules of a support request's life, without a database. */
class SupportRequestTest {

  @Test
  void aDraftWithLinesIsSubmittedAndAnEmptyOneIsNot() {
    assertThat(request(RequestStatus.DRAFT, money(100_000)).submit())
        .isEqualTo(new SupportRequest.Transition.To(RequestStatus.SUBMITTED));
    assertThat(request(RequestStatus.DRAFT).submit())
        .isEqualTo(new SupportRequest.Transition.Refused(SupportRefusal.LINE_COUNT, List.of()));
  }

  @Test
  void onlyADraftIsSubmittedOrHasItsLinesChangedAndTheRefusalNamesTheStatus() {
    var sent = request(RequestStatus.SUBMITTED, money(100_000));
    assertThat(sent.submit())
        .isEqualTo(
            new SupportRequest.Transition.Refused(SupportRefusal.NOT_DRAFT, List.of("SUBMITTED")));
    assertThat(sent.editLines())
        .isEqualTo(
            new SupportRequest.Transition.Refused(
                SupportRefusal.NOT_DRAFT_EDIT, List.of("SUBMITTED")));
    assertThat(request(RequestStatus.DRAFT).editLines())
        .isEqualTo(new SupportRequest.Transition.To(RequestStatus.DRAFT));
  }

  @Test
  void anyRequestButAClosedOneCanBeClosed() {
    for (RequestStatus status : RequestStatus.values()) {
      var answer = request(status).close();
      if (status == RequestStatus.CLOSED) {
        assertThat(answer)
            .isEqualTo(
                new SupportRequest.Transition.Refused(SupportRefusal.CLOSED_ALREADY, List.of()));
      } else {
        assertThat(answer).isEqualTo(new SupportRequest.Transition.To(RequestStatus.CLOSED));
      }
    }
  }

  @Test
  void paymentsAndDeliveriesOnlyAgainstAnApprovedRequest() {
    for (RequestStatus status : RequestStatus.values()) {
      boolean approved =
          List.of(RequestStatus.APPROVED, RequestStatus.PARTLY_APPROVED, RequestStatus.DISBURSING)
              .contains(status);
      assertThat(request(status).disburse())
          .isEqualTo(
              approved
                  ? new SupportRequest.Transition.To(RequestStatus.DISBURSING)
                  : new SupportRequest.Transition.Refused(
                      SupportRefusal.NOT_APPROVED, List.of(status.name())));
    }
  }

  @Test
  void everythingAskedApprovesPartApprovesPartlyAndNothingRejects() {
    var r = request(RequestStatus.SUBMITTED, money(100_000), money(50_000));
    assertThat(status(r.decide(decision(r, "1000", "500")))).isEqualTo(RequestStatus.APPROVED);
    assertThat(status(r.decide(decision(r, "1000", "200"))))
        .isEqualTo(RequestStatus.PARTLY_APPROVED);
    assertThat(status(r.decide(decision(r, "0", "0")))).isEqualTo(RequestStatus.REJECTED);
    var decided = (SupportRequest.Decision.Decided) r.decide(decision(r, "1000", "200"));
    assertThat(decided.totalPaise()).isEqualTo(120_000);
    assertThat(decided.purposes()).hasSize(2);
  }

  @Test
  void aGoodsLineIsDecidedInQuantityAndAloneCanApproveWithoutMoney() {
    var r = request(RequestStatus.SUBMITTED, goods(40));
    var line = r.lines().get(0).id().toString();
    var some =
        r.decide(
            new SupportInputs.Decision(
                List.of(new SupportInputs.LineDecision(line, null, null, null, 25)), null));
    assertThat(status(some)).isEqualTo(RequestStatus.PARTLY_APPROVED);
    assertThat(((SupportRequest.Decision.Decided) some).totalPaise()).isZero();
    var tooMany =
        r.decide(
            new SupportInputs.Decision(
                List.of(new SupportInputs.LineDecision(line, null, null, null, 41)), null));
    assertThat(((SupportRequest.Decision.Invalid) tooMany).errors())
        .containsEntry("lines[0].approvedQuantity", "support.decision.tooMuch");
  }

  @Test
  void moreThanAskedAMissingLineAndAStaleVersionAreRefused() {
    var r = request(RequestStatus.SUBMITTED, money(100_000), money(50_000));
    assertThat(((SupportRequest.Decision.Invalid) r.decide(decision(r, "1000.01", "0"))).errors())
        .containsEntry("lines[0].approved", "support.decision.tooMuch");
    var oneLine =
        new SupportInputs.Decision(
            List.of(
                new SupportInputs.LineDecision(
                    r.lines().get(0).id().toString(), null, "1000", null, null)),
            null);
    assertThat(((SupportRequest.Decision.Invalid) r.decide(oneLine)).errors())
        .containsEntry("lines[1].approved", "support.decision.missing");
    var stale = new SupportInputs.Decision(decision(r, "1000", "500").lines(), 7);
    assertThat(r.decide(stale))
        .isEqualTo(new SupportRequest.Decision.Refused(SupportRefusal.STALE, List.of(3)));
  }

  @Test
  void onlyASubmittedRequestIsDecided() {
    var r = request(RequestStatus.APPROVED, money(100_000));
    assertThat(r.decide(decision(r, "1000")))
        .isEqualTo(
            new SupportRequest.Decision.Refused(SupportRefusal.NOT_SUBMITTED, List.of("APPROVED")));
  }

  @Test
  void everyRefusalOfTheBooksAndOfSupportHasAMessageOfItsOwnInEveryLanguage() {
    for (var language : List.of("", "_te", "_bn", "_hi")) {
      var messages = new java.util.Properties();
      try (var in = getClass().getResourceAsStream("/i18n/messages" + language + ".properties")) {
        messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      for (var refusal : org.sahay.funds.FundsOutcome.Refusal.values()) {
        assertThat(messages).containsKey(SupportRefusal.ofFunds(refusal).messageKey());
      }
      for (var refusal : SupportRefusal.values()) {
        assertThat(messages).as(language).containsKey(refusal.messageKey());
      }
    }
    assertThat(SupportRefusal.ofFunds(org.sahay.funds.FundsOutcome.Refusal.ALREADY_RECORDED))
        .isNotEqualTo(SupportRefusal.GRANT_REFUSED);
  }

  private static RequestStatus status(SupportRequest.Decision decision) {
    return ((SupportRequest.Decision.Decided) decision).status();
  }

  private static SupportInputs.Decision decision(SupportRequest r, String... rupees) {
    List<SupportInputs.LineDecision> lines = new ArrayList<>();
    for (int i = 0; i < rupees.length; i++) {
      lines.add(
          new SupportInputs.LineDecision(
              r.lines().get(i).id().toString(), null, rupees[i], "ok", null));
    }
    return new SupportInputs.Decision(lines, 3);
  }

  /** A line asking for money (paise); built with {@link #request}. */
  private static SupportRequest.Line money(long paise) {
    return line(paise, null, null);
  }

  /** A line asking for goods (a quantity of an item). */
  private static SupportRequest.Line goods(int quantity) {
    return line(0, quantity, new ItemId(UUID.randomUUID()));
  }

  private static SupportRequest.Line line(long paise, Integer quantity, ItemId item) {
    return new SupportRequest.Line(
        new SupportLineId(UUID.randomUUID()),
        0,
        "CASH_RELIEF",
        "Cash for food for the month",
        paise,
        quantity,
        false,
        null,
        null,
        0,
        List.of("AP-0001"),
        item,
        null,
        0);
  }

  private static SupportRequest request(RequestStatus status, SupportRequest.Line... lines) {
    List<SupportRequest.Line> numbered = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      SupportRequest.Line l = lines[i];
      numbered.add(
          new SupportRequest.Line(
              l.id(),
              i + 1,
              l.category(),
              l.description(),
              l.amountPaise(),
              l.quantity(),
              l.instalmentsAllowed(),
              l.approvedPaise(),
              l.decisionComment(),
              l.disbursedPaise(),
              l.recipients(),
              l.itemId(),
              l.approvedQuantity(),
              l.deliveredQuantity()));
    }
    return new SupportRequest(
        new SupportRequestId(UUID.randomUUID()),
        new OrganisationId(UUID.randomUUID()),
        new OrganisationId(UUID.randomUUID()),
        "Rations for the lockdown",
        null,
        status,
        null,
        null,
        3,
        "leader",
        null,
        numbered,
        List.of());
  }
}
