package org.sahay.care;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.access.Users;
import org.sahay.care.internal.CounsellingStore;
import org.sahay.forms.Submissions;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counselling: group sessions with attendance by member code; individual sessions whose notes are
 * sealed under the member's key and opened only for the counsellor who wrote them and the users her
 * record is shared with (each opening audited); follow-ups due; members whose latest PHQ-9 answered
 * item 9 above zero head the counsellor's list until a counsellor records a contact.
 */
@Service
public class Counselling {

  /** A group session as sent: attendance as member codes. */
  public record GroupInput(
      String topic, String facilitator, String heldOn, List<String> attendance) {}

  /** An individual session as sent. */
  public record SessionInput(
      String member, String heldOn, String mode, String notes, String followUpOn) {}

  /** A group session: topic, facilitator, day, how many attended. */
  public record Group(
      UUID id, CounsellingTopic topic, String facilitator, LocalDate heldOn, int attended) {}

  /** An individual session; {@code notes} null unless the reader may open them. */
  public record Session(
      UUID id,
      MemberId member,
      String counsellor,
      LocalDate heldOn,
      SessionMode mode,
      String notes,
      LocalDate followUpOn) {}

  /** A member on the counsellor's list: urgent since a day, or a follow-up due on a day. */
  public record Waiting(MemberId member, String code, boolean urgent, LocalDate since) {}

  private static final String FIELD = "counselling-notes";

  private final CounsellingStore store;
  private final CareMembers members;
  private final Members registry;
  private final Submissions submissions;
  private final Users users;
  private final Vault vault;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;
  private final java.time.Clock clock;

  Counselling(
      CounsellingStore store,
      CareMembers members,
      Members registry,
      Submissions submissions,
      Users users,
      Vault vault,
      AccessPolicy policy,
      AuditLog audit,
      Today today,
      java.time.Clock clock) {
    this.clock = clock;
    this.store = store;
    this.members = members;
    this.registry = registry;
    this.submissions = submissions;
    this.users = users;
    this.vault = vault;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
  }

  @Transactional
  public CareOutcome<Group> recordGroup(Actor by, GroupInput input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    CounsellingTopic topic = LoanTerms.kind(CounsellingTopic.class, input.topic(), "topic", errors);
    String facilitator = CareChecks.text(input.facilitator(), 120, "facilitator", errors);
    if (facilitator == null) {
      errors.put("facilitator", "counselling.facilitator.required");
    }
    LocalDate on = CareChecks.date(input.heldOn(), "heldOn", today.at(own), errors);
    List<MemberId> attended = members.codes(by, input.attendance(), errors);
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    UUID id = Ids.newId();
    store.group(own, id, topic.name(), facilitator, on, attended, by.username());
    return new CareOutcome.Saved<>(new Group(id, topic, facilitator, on, attended.size()));
  }

  /** The collective's group sessions of the last year, the latest first. */
  @Transactional(readOnly = true)
  public List<Group> groups(Actor by) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    return store.groups(own, today.at(own).minusYears(1)).stream()
        .map(
            g ->
                new Group(
                    g.id(),
                    CounsellingTopic.valueOf(g.topic()),
                    g.facilitator(),
                    g.heldOn(),
                    g.attended()))
        .toList();
  }

  /** A counsellor records an individual session; the notes are sealed under the member's key. */
  @Transactional
  public CareOutcome<Session> recordSession(Actor by, SessionInput input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.COUNSELLING);
    Map<String, String> errors = new LinkedHashMap<>();
    MemberId member = members.find(by, input.member()).orElse(null);
    if (member == null) {
      errors.put("member", "care.member.unknown");
    }
    LocalDate day = today.at(own);
    LocalDate on = CareChecks.date(input.heldOn(), "heldOn", day, errors);
    SessionMode mode = LoanTerms.kind(SessionMode.class, input.mode(), "mode", errors);
    String notes = CareChecks.text(input.notes(), 8_000, "notes", errors);
    LocalDate followUp = null;
    if (input.followUpOn() != null && !input.followUpOn().isBlank()) {
      followUp = LoanTerms.parse(input.followUpOn().strip());
      if (followUp == null) {
        errors.put("followUpOn", "care.date.invalid");
      }
    }
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    var saved =
        new CounsellingStore.Session(
            Ids.newId(),
            member,
            by.username(),
            on,
            mode.name(),
            notes == null ? null : vault.encrypt(member.value(), FIELD, notes),
            followUp);
    store.session(own, saved);
    audit.record(AuditedReads.event(by, own, "COUNSELLING_SESSION_RECORDED", member));
    return new CareOutcome.Saved<>(session(saved, notes));
  }

  /**
   * A member's individual sessions: for counsellors, and for users her record is shared with; notes
   * open for their author and for those it is shared with, and opening them is audited.
   */
  @Transactional
  public List<Session> sessions(Actor by, MemberId member) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    registry.collectiveOf(by, member);
    boolean shared = store.sharedWith(own, member, by.username());
    if (!shared && !policy.permits(by, CareAction.COUNSELLING, own)) {
      throw new AccessDeniedException("not shared");
    }
    boolean opened = false;
    List<Session> sessions = new ArrayList<>();
    for (CounsellingStore.Session s : store.sessions(own, member)) {
      String notes = null;
      if (s.notes() != null && (shared || s.counsellor().equals(by.username()))) {
        notes = vault.decrypt(member.value(), FIELD, s.notes()).orElse(null);
        opened = true;
      }
      sessions.add(session(s, notes));
    }
    if (opened) {
      audit.record(AuditedReads.event(by, own, "COUNSELLING_NOTES_READ", member));
    }
    return sessions;
  }

  /**
   * Shares a member's notes with a colleague: only a counsellor who wrote a session for her may.
   * Answers false when {@code username} is no active user of the collective.
   */
  @Transactional
  public boolean share(Actor by, MemberId member, String username, boolean shared) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.COUNSELLING);
    registry.collectiveOf(by, member);
    if (store.sessions(own, member).stream().noneMatch(s -> s.counsellor().equals(by.username()))) {
      throw new AccessDeniedException("only her counsellor shares her notes");
    }
    if (!users.isColleague(by, username)) {
      return false;
    }
    if (shared) {
      store.share(own, member, username.strip(), by.username());
    } else {
      store.unshare(own, member, username.strip());
    }
    audit.record(
        AuditedReads.event(
            by, own, shared ? "COUNSELLING_SHARED" : "COUNSELLING_UNSHARED", member));
    return true;
  }

  /** Whom a member's notes are shared with, for her counsellors. */
  @Transactional(readOnly = true)
  public List<String> shares(Actor by, MemberId member) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.COUNSELLING);
    registry.collectiveOf(by, member);
    return store.shares(own, member);
  }

  /**
   * The counsellor's list: members whose latest PHQ-9 of the last 90 days answered item 9 above
   * zero and who have had no contact since, first; then follow-ups due by today, the oldest first.
   */
  @Transactional(readOnly = true)
  public List<Waiting> waiting(Actor by) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.COUNSELLING);
    LocalDate day = today.at(own);
    List<Waiting> list = new ArrayList<>();
    Map<MemberId, OffsetDateTime> urgent =
        submissions.urgentSince(by, OffsetDateTime.now(clock).minusDays(90));
    urgent.forEach(
        (member, at) -> {
          LocalDate screened = at.atZoneSameInstant(today.zone(own)).toLocalDate();
          boolean contacted =
              store.lastContact(own, member).filter(c -> !c.isBefore(screened)).isPresent();
          if (!contacted) {
            list.add(new Waiting(member, code(by, member), true, screened));
          }
        });
    for (CounsellingStore.Session s : store.followUpsDue(own, day)) {
      if (list.stream().noneMatch(w -> w.member().equals(s.member()))) {
        list.add(new Waiting(s.member(), code(by, s.member()), false, s.followUpOn()));
      }
    }
    return list;
  }

  /** A member's PHQ-9 and GAD-7 scores over time (for those who may read screenings). */
  @Transactional
  public List<Submissions.Score> scores(Actor by, MemberId member) {
    return submissions.scores(by, member);
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }

  private String code(Actor by, MemberId member) {
    return members.summary(by, member).map(s -> s.code()).orElse("");
  }

  private static Session session(CounsellingStore.Session s, String notes) {
    return new Session(
        s.id(),
        s.member(),
        s.counsellor(),
        s.heldOn(),
        SessionMode.valueOf(s.mode()),
        notes,
        s.followUpOn());
  }
}
