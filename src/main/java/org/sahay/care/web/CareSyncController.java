package org.sahay.care.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.care.CareOutcome;
import org.sahay.care.Counselling;
import org.sahay.platform.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Attendance at a group session taken on a phone without a network, replayed with the group form's
 * own fields and the idempotency key it was given then: 201, or 400 with what to correct (a code
 * nobody has, a day in the future).
 */
@RestController
class CareSyncController {

  private final Counselling counselling;
  private final Problems problems;

  CareSyncController(Counselling counselling, Problems problems) {
    this.counselling = counselling;
    this.problems = problems;
  }

  @PostMapping(
      path = "/sync/v1/care/groups",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<?> group(
      Actor actor, CounsellingPagesController.GroupForm form, HttpServletRequest request) {
    var outcome = counselling.recordGroup(actor, form.input());
    if (outcome instanceof CareOutcome.Saved<Counselling.Group> saved) {
      return ResponseEntity.created(URI.create("/care/counselling"))
          .body(Map.of("id", saved.value().id().toString(), "attended", saved.value().attended()));
    }
    return problems.invalid(
        ((CareOutcome.Invalid<Counselling.Group>) outcome).errors(),
        RequestContextUtils.getLocale(request));
  }
}
