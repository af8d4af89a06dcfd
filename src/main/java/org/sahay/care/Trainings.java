package org.sahay.care;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.care.internal.TrainingStore;
import org.sahay.organisations.Today;
import org.sahay.platform.Documents;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainings and orientations (COVID-19 precautions, video calls, mental health for staff,
 * leadership): day, topic, trainer, who attended by member code, and the material handed out (an
 * image or a PDF, recognised by its bytes and sealed under the training's own key).
 */
@Service
public class Trainings {

  /** A training as sent: attendance as member codes. */
  public record Input(String topic, String trainer, String heldOn, List<String> attendance) {}

  /** A training: topic, trainer, day, how many attended, whether it has material. */
  public record Training(
      UUID id,
      TrainingTopic topic,
      String trainer,
      LocalDate heldOn,
      int attended,
      boolean material) {}

  /** A material to download: its type and bytes. */
  public record Material(String contentType, byte[] content) {}

  private static final String FIELD = "training-material";

  private final TrainingStore store;
  private final CareMembers members;
  private final Documents documents;
  private final AccessPolicy policy;
  private final Today today;

  Trainings(
      TrainingStore store,
      CareMembers members,
      Documents documents,
      AccessPolicy policy,
      Today today) {
    this.store = store;
    this.members = members;
    this.documents = documents;
    this.policy = policy;
    this.today = today;
  }

  @Transactional
  public CareOutcome<Training> record(Actor by, Input input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    TrainingTopic topic = LoanTerms.kind(TrainingTopic.class, input.topic(), "topic", errors);
    String trainer = CareChecks.text(input.trainer(), 120, "trainer", errors);
    if (trainer == null) {
      errors.put("trainer", "training.trainer.required");
    }
    LocalDate on = CareChecks.date(input.heldOn(), "heldOn", today.at(own), errors);
    List<MemberId> attended = members.codes(by, input.attendance(), errors);
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    UUID id = Ids.newId();
    store.insert(own, id, topic.name(), trainer, on, attended, by.username());
    return new CareOutcome.Saved<>(new Training(id, topic, trainer, on, attended.size(), false));
  }

  /** Attaches the material; a file that is no image or PDF, or too big, is refused. */
  @Transactional
  public Optional<Documents.Refusal> attach(Actor by, UUID id, byte[] content) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_WRITE);
    if (!store.exists(own, id)) {
      throw new NotFoundException();
    }
    Documents.Checked checked = Documents.check(content);
    if (!checked.ok()) {
      return Optional.of(checked.refusal());
    }
    store.material(own, id, documents.seal(id, own, FIELD, checked), checked.contentType());
    return Optional.empty();
  }

  @Transactional(readOnly = true)
  public Material material(Actor by, UUID id) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    Object[] found = store.material(own, id).orElseThrow(NotFoundException::new);
    byte[] content =
        documents.open(id, FIELD, (byte[]) found[0]).orElseThrow(NotFoundException::new);
    return new Material((String) found[1], content);
  }

  @Transactional(readOnly = true)
  public List<Training> all(Actor by) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    return store.all(own).stream()
        .map(
            r ->
                new Training(
                    r.id(),
                    TrainingTopic.valueOf(r.topic()),
                    r.trainer(),
                    r.heldOn(),
                    r.attended(),
                    r.materialType() != null))
        .toList();
  }

  /** The topics of the trainings a member of the actor's collective attended. */
  @Transactional(readOnly = true)
  public List<TrainingTopic> attendedBy(Actor by, MemberId member) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    return store.attendedBy(own, member).stream().map(TrainingTopic::valueOf).toList();
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }
}
