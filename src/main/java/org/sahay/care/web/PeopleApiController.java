package org.sahay.care.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.care.DigitalInclusion;
import org.sahay.care.Livelihoods;
import org.sahay.care.Trainings;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Problems;
import org.sahay.registry.MemberId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Trainings, livelihoods and devices over JSON: {@code /api/v1/trainings} (and a training's
 * material), {@code /api/v1/livelihoods} (and their status), {@code /api/v1/devices} (and how a
 * member can be reached).
 */
@RestController
@RequestMapping("/api/v1")
class PeopleApiController {

  private final Trainings trainings;
  private final Livelihoods livelihoods;
  private final DigitalInclusion digital;
  private final CareAnswers answers;
  private final Problems problems;

  PeopleApiController(
      Trainings trainings,
      Livelihoods livelihoods,
      DigitalInclusion digital,
      CareAnswers answers,
      Problems problems) {
    this.trainings = trainings;
    this.livelihoods = livelihoods;
    this.digital = digital;
    this.answers = answers;
    this.problems = problems;
  }

  @PostMapping("/trainings")
  ResponseEntity<?> training(
      Actor actor, @RequestBody Trainings.Input input, HttpServletRequest request) {
    return answers.of(
        trainings.record(actor, input),
        request,
        (Trainings.Training t) -> "/api/v1/trainings/" + t.id() + "/material");
  }

  @GetMapping("/trainings")
  List<Trainings.Training> trainings(Actor actor) {
    return trainings.all(actor);
  }

  /** The training's material: an image or a PDF, at most 5 MB, as multipart field file. */
  @PostMapping(path = "/trainings/{id}/material", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> material(
      Actor actor,
      @PathVariable UUID id,
      @RequestParam("file") MultipartFile file,
      HttpServletRequest request)
      throws IOException {
    var refused = trainings.attach(actor, id, file.getBytes());
    if (refused.isPresent()) {
      return problems.invalid(
          Map.of("file", "training.material." + refused.get().name()),
          RequestContextUtils.getLocale(request));
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/trainings/{id}/material")
  ResponseEntity<byte[]> download(Actor actor, @PathVariable UUID id) {
    Trainings.Material material = trainings.material(actor, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(material.contentType()))
        .header("Content-Disposition", "attachment; filename=\"training-" + id + "\"")
        .body(material.content());
  }

  @PostMapping("/livelihoods")
  ResponseEntity<?> livelihood(
      Actor actor, @RequestBody Livelihoods.Input input, HttpServletRequest request) {
    return answers.of(
        livelihoods.record(actor, input),
        request,
        (Livelihoods.Livelihood l) -> "/api/v1/livelihoods?member=" + l.member());
  }

  @GetMapping("/livelihoods")
  List<Livelihoods.Livelihood> livelihoods(
      Actor actor, @RequestParam(required = false) String member) {
    return livelihoods.list(actor, member == null ? null : memberId(member));
  }

  @PostMapping("/livelihoods/{id}/status")
  ResponseEntity<?> status(
      Actor actor,
      @PathVariable UUID id,
      @RequestBody Livelihoods.StatusInput input,
      HttpServletRequest request) {
    return answers.of(livelihoods.status(actor, id, input), request, null);
  }

  @PostMapping("/devices")
  ResponseEntity<?> device(
      Actor actor, @RequestBody DigitalInclusion.DeviceInput input, HttpServletRequest request) {
    return answers.of(
        digital.issue(actor, input), request, (DigitalInclusion.Device d) -> "/api/v1/devices");
  }

  @GetMapping("/devices")
  List<DigitalInclusion.Device> devices(Actor actor) {
    return digital.devices(actor);
  }

  @PostMapping("/devices/{id}/returned")
  ResponseEntity<Void> returned(Actor actor, @PathVariable UUID id) {
    digital.returned(actor, id);
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/devices/reach")
  ResponseEntity<?> reach(
      Actor actor, @RequestBody DigitalInclusion.ReachInput input, HttpServletRequest request) {
    return answers.of(digital.reach(actor, input), request, null);
  }

  private static MemberId memberId(String text) {
    try {
      return MemberId.of(text.strip());
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }
}
