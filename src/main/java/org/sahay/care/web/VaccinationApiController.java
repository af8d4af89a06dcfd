package org.sahay.care.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.care.Dose;
import org.sahay.care.Vaccinations;
import org.sahay.care.Vaccine;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Vaccination over JSON: {@code /api/v1/vaccines} and {@code /api/v1/vaccinations}. */
@RestController
@RequestMapping("/api/v1")
class VaccinationApiController {

  private final Vaccinations vaccinations;
  private final CareAnswers answers;

  VaccinationApiController(Vaccinations vaccinations, CareAnswers answers) {
    this.vaccinations = vaccinations;
    this.answers = answers;
  }

  @GetMapping("/vaccines")
  List<Vaccine> vaccines() {
    return vaccinations.vaccines();
  }

  @PutMapping("/vaccines/{code}")
  ResponseEntity<?> schedule(
      Actor actor,
      @PathVariable String code,
      @RequestBody Vaccinations.ScheduleInput input,
      HttpServletRequest request) {
    return answers.of(vaccinations.schedule(actor, code, input), request, null);
  }

  @PostMapping("/vaccinations")
  ResponseEntity<?> record(
      Actor actor, @RequestBody Vaccinations.DoseInput input, HttpServletRequest request) {
    return answers.of(
        vaccinations.record(actor, input), request, (Dose d) -> "/api/v1/vaccinations/" + d.id());
  }

  /** A member's doses. */
  @GetMapping("/vaccinations")
  List<Dose> of(Actor actor, @RequestParam String member) {
    try {
      return vaccinations.of(actor, MemberId.of(member));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }

  /** Who is due for a next dose on a day (today when not given), the longest waiting first. */
  @GetMapping("/vaccinations/due")
  List<Vaccinations.Due> due(
      Actor actor,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    return vaccinations.due(actor, on);
  }

  @GetMapping("/vaccinations/coverage")
  Vaccinations.Coverage coverage(
      Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    OrganisationId collective = organisation == null ? actor.organisation() : organisation;
    if (collective == null) {
      throw new NotFoundException();
    }
    return vaccinations.coverage(actor, collective);
  }
}
