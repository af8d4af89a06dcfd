package org.sahay.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sahay.registry.Beneficiary;
import org.sahay.support.SupportPayments.LineBalance;
import org.sahay.support.SupportPayments.Reconciliation;
import org.sahay.support.internal.PaymentStore;
import org.sahay.support.internal.SupportStore;
import org.springframework.stereotype.Component;

/**
 * A request's reconciliation, line by line: money approved, paid and left, and who has not been
 * paid; goods approved, delivered and handed over, and who has not received any. The caller has
 * checked that the actor may read the request.
 */
@Component
class Reconciler {

  private final SupportStore store;
  private final PaymentStore paymentStore;
  private final SupportGoods goods;
  private final LineChecks checks;

  Reconciler(SupportStore store, PaymentStore paymentStore, SupportGoods goods, LineChecks checks) {
    this.store = store;
    this.paymentStore = paymentStore;
    this.goods = goods;
    this.checks = checks;
  }

  Reconciliation of(SupportStore.Request r) {
    List<PaymentStore.Disbursement> paid = paymentStore.disbursements(r.id());
    List<LineBalance> lines = new ArrayList<>();
    for (SupportStore.Line line : store.lines(r.id())) {
      lines.add(line.goods() ? goodsBalance(r, line) : moneyBalance(r, line, paid));
    }
    return new Reconciliation(r.id(), r.status(), lines);
  }

  private LineBalance goodsBalance(SupportStore.Request r, SupportStore.Line line) {
    SupportGoods.Balance balance = goods.balance(r, line);
    return new LineBalance(
        line.id(),
        line.number(),
        line.description(),
        0,
        0,
        0,
        checks.codes(r.organisation(), balance.waiting()),
        balance.item(),
        balance.approved(),
        balance.delivered(),
        balance.handedOver());
  }

  private LineBalance moneyBalance(
      SupportStore.Request r, SupportStore.Line line, List<PaymentStore.Disbursement> paid) {
    Set<Beneficiary> reached = new LinkedHashSet<>();
    for (PaymentStore.Disbursement d : paid) {
      if (d.line().equals(line.id()) && d.reversedAt() == null) {
        reached.add(d.recipient());
      }
    }
    List<Beneficiary> waiting =
        line.recipients().stream().filter(x -> !reached.contains(x)).toList();
    long approved = line.approvedPaise() == null ? 0 : line.approvedPaise();
    return new LineBalance(
        line.id(),
        line.number(),
        line.description(),
        approved,
        line.disbursedPaise(),
        approved - line.disbursedPaise(),
        checks.codes(r.organisation(), waiting),
        null,
        null,
        null,
        null);
  }
}
