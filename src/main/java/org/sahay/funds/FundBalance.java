package org.sahay.funds;

/**
 * A fund's money in paise: {@code raised} (donations and grant instalments less their reversals),
 * {@code spent} (expenses less their reversals) and what remains.
 */
public record FundBalance(
    FundId id,
    FundKind kind,
    String name,
    boolean restricted,
    boolean foreignContribution,
    long raised,
    long spent) {

  public long remaining() {
    return raised - spent;
  }
}
