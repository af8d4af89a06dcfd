package org.sahay.support;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.sahay.platform.OrganisationId;

/**
 * A support request as its readers see it. Recipients are codes (a member code, or h: and a
 * household id), never names: the funder sees whom a line is for without learning who they are.
 */
public record SupportRequest(
    UUID id,
    OrganisationId organisation,
    OrganisationId addressedTo,
    String title,
    String justification,
    RequestStatus status,
    UUID grantId,
    UUID fundId,
    int version,
    String createdBy,
    OffsetDateTime createdAt,
    List<Line> lines,
    List<Comment> comments) {

  /** A budget line, the decision on it and what was paid against it. */
  public record Line(
      UUID id,
      int number,
      String category,
      String description,
      long amountPaise,
      Integer quantity,
      boolean instalmentsAllowed,
      Long approvedPaise,
      String decisionComment,
      long disbursedPaise,
      List<String> recipients,
      UUID itemId,
      Integer approvedQuantity,
      int deliveredQuantity) {}

  public record Comment(String author, String body, OffsetDateTime at) {}
}
