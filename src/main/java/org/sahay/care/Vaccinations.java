package org.sahay.care;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.care.internal.VaccinationStore;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.SmallCount;
import org.sahay.registry.MemberDocuments;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberSummary;
import org.sahay.registry.Members;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vaccination of a collective's members: each dose given, who is due for the next one and since
 * when (from each vaccine's intervals), and coverage per district. Doses are not sensitive; they
 * are forgotten with the member.
 */
@Service
public class Vaccinations {

  /** A dose as sent: the member by id or code, the vaccine's code, the dose, yyyy-mm-dd, place. */
  public record DoseInput(
      String member, String vaccine, Integer dose, String givenOn, String place) {}

  /** New doses and intervals of a vaccine, intervals as ISO-8601 periods (P84D, P6M). */
  public record ScheduleInput(Integer doses, List<String> intervals) {}

  /** A member due for her next dose: since {@code dueOn}, {@code days} days ago (0 today). */
  public record Due(
      MemberId member,
      String code,
      String name,
      String district,
      String vaccine,
      int dose,
      LocalDate dueOn,
      long days) {}

  /**
   * Per district: members, and how many were given at least one, two and three doses of any
   * vaccine; exact for the collective's own people, small counts suppressed for others.
   */
  public record Coverage(
      OrganisationId collective, boolean exact, Map<String, List<SmallCount>> districts) {}

  private static final int MAX_PLACE = 120;

  private final VaccinationStore store;
  private final Members members;
  private final CareMembers careMembers;
  private final MemberDocuments documents;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;

  Vaccinations(
      VaccinationStore store,
      Members members,
      CareMembers careMembers,
      MemberDocuments documents,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.store = store;
    this.members = members;
    this.careMembers = careMembers;
    this.documents = documents;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
  }

  @Transactional(readOnly = true)
  public List<Vaccine> vaccines() {
    return store.vaccines();
  }

  /** A system admin changes a vaccine's doses and intervals. */
  @Transactional
  public CareOutcome<Vaccine> schedule(Actor by, String code, ScheduleInput input) {
    policy.require(by, CareAction.VACCINE_SCHEDULE, null);
    store.vaccine(code).orElseThrow(NotFoundException::new);
    Map<String, String> errors = new LinkedHashMap<>();
    int doses = input.doses() == null ? 0 : input.doses();
    List<Period> intervals = new ArrayList<>();
    try {
      for (String text : input.intervals() == null ? List.<String>of() : input.intervals()) {
        Period p = Period.parse(text.strip().toUpperCase(Locale.ROOT));
        if (p.isNegative() || p.isZero()) {
          throw new DateTimeParseException("not after", text, 0);
        }
        intervals.add(p);
      }
    } catch (DateTimeParseException e) {
      errors.put("intervals", "vaccine.intervals.invalid");
    }
    if (doses < 1 || doses > 6) {
      errors.put("doses", "vaccine.doses.invalid");
    } else if (!errors.containsKey("intervals") && intervals.size() != doses - 1) {
      errors.put("intervals", "vaccine.intervals.count");
    }
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    store.intervals(code, doses, intervals);
    audit.record(
        new AuditLog.Event(
            by.username(), null, "VACCINE_SCHEDULED", "vaccine", code, doses + " " + intervals));
    return new CareOutcome.Saved<>(store.vaccine(code).orElseThrow());
  }

  /** Records a dose given to a member of the actor's collective. */
  @Transactional
  public CareOutcome<Dose> record(Actor by, DoseInput input) {
    OrganisationId own = own(by, CareAction.CARE_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    MemberId member = careMembers.find(by, input.member()).orElse(null);
    if (member == null) {
      errors.put("member", "care.member.unknown");
    }
    Vaccine vaccine =
        input.vaccine() == null ? null : store.vaccine(input.vaccine().strip()).orElse(null);
    if (vaccine == null) {
      errors.put("vaccine", "vaccination.vaccine.unknown");
    }
    int dose = input.dose() == null ? 0 : input.dose();
    if (vaccine != null && (dose < 1 || dose > vaccine.doses())) {
      errors.put("dose", "vaccination.dose.invalid");
    }
    LocalDate day = today.at(own);
    LocalDate on = CareChecks.date(input.givenOn(), "givenOn", day, errors);
    String place = CareChecks.text(input.place(), MAX_PLACE, "place", errors);
    if (errors.isEmpty() && dose > 1) {
      Optional<Dose> before =
          store.of(own, member).stream()
              .filter(d -> d.vaccine().equals(vaccine.code()) && d.number() == dose - 1)
              .findFirst();
      if (before.isPresent() && !before.get().givenOn().isBefore(on)) {
        errors.put("givenOn", "vaccination.dose.beforeEarlier");
      }
    }
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    Dose saved = new Dose(Ids.newId(), member, vaccine.code(), dose, on, place);
    if (!store.insert(own, saved, by.username())) {
      return new CareOutcome.Conflict<>("vaccination.dose.recorded");
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            own,
            "DOSE_RECORDED",
            "member",
            member.toString(),
            vaccine.code() + " dose " + dose));
    return new CareOutcome.Saved<>(saved);
  }

  /** A member's doses; another collective's member is not found. */
  @Transactional(readOnly = true)
  public List<Dose> of(Actor by, MemberId member) {
    OrganisationId own = own(by, CareAction.CARE_READ);
    members.collectiveOf(by, member);
    return store.of(own, member);
  }

  /**
   * The collective's members due for a next dose on or before {@code on}, the longest waiting
   * first: each with the dose she is due for and since when.
   */
  @Transactional(readOnly = true)
  public List<Due> due(Actor by, LocalDate on) {
    OrganisationId own = own(by, CareAction.CARE_READ);
    LocalDate asOf = on == null ? today.at(own) : on;
    Map<String, Vaccine> vaccines =
        store.vaccines().stream().collect(Collectors.toMap(Vaccine::code, v -> v));
    Map<MemberId, List<Dose>> byMember =
        store.all(own).stream()
            .collect(Collectors.groupingBy(Dose::member, LinkedHashMap::new, Collectors.toList()));
    List<Due> due = new ArrayList<>();
    byMember.forEach(
        (member, doses) -> {
          Optional<MemberSummary> who = members.summary(by, member);
          if (who.isEmpty()) {
            return;
          }
          doses.stream()
              .map(Dose::vaccine)
              .distinct()
              .map(vaccines::get)
              .forEach(
                  vaccine ->
                      DoseSchedule.next(vaccine, doses)
                          .filter(next -> !next.dueOn().isAfter(asOf))
                          .ifPresent(
                              next ->
                                  due.add(
                                      new Due(
                                          member,
                                          who.get().code(),
                                          who.get().name(),
                                          who.get().district(),
                                          vaccine.code(),
                                          next.dose(),
                                          next.dueOn(),
                                          java.time.temporal.ChronoUnit.DAYS.between(
                                              next.dueOn(), asOf)))));
        });
    due.sort(Comparator.comparing(Due::dueOn).thenComparing(Due::code));
    return due;
  }

  /** Coverage of a collective per district: members given one, two, three doses or more. */
  @Transactional(readOnly = true)
  public Coverage coverage(Actor by, OrganisationId collective) {
    policy.require(by, CareAction.CARE_COUNTS, collective);
    boolean exact = collective.equals(by.organisation());
    Map<MemberId, Integer> most = new LinkedHashMap<>();
    for (Dose d : store.all(collective)) {
      most.merge(d.member(), d.number(), Math::max);
    }
    Map<String, Map<org.sahay.registry.DocumentType, Long>> all =
        documents.coverage(by, collective);
    Map<Integer, Map<String, Long>> byDoses = new java.util.HashMap<>();
    for (int n = 1; n <= 3; n++) {
      int least = n;
      byDoses.put(
          n,
          documents.districtCounts(
              by,
              collective,
              most.entrySet().stream()
                  .filter(e -> e.getValue() >= least)
                  .map(Map.Entry::getKey)
                  .toList()));
    }
    List<String> names = new ArrayList<>(all.keySet());
    long[][] cells = new long[names.size()][4];
    for (int r = 0; r < names.size(); r++) {
      cells[r][0] = all.get(names.get(r)).getOrDefault(null, 0L);
      for (int n = 1; n <= 3; n++) {
        cells[r][n] = byDoses.get(n).getOrDefault(names.get(r), 0L);
      }
    }
    // Members per district add up to a total other pages show: for counts only, each column is
    // protected as if its total stood below it, the rule coverage of documents follows.
    List<List<SmallCount>> shown =
        exact ? exactly(cells) : org.sahay.platform.Disclosure.table(cells, false, true);
    Map<String, List<SmallCount>> districts = new TreeMap<>();
    for (int r = 0; r < names.size(); r++) {
      districts.put(names.get(r), shown.get(r));
    }
    return new Coverage(collective, exact, districts);
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }

  private OrganisationId own(Actor by, CareAction action) {
    return CareChecks.own(policy, by, action);
  }

  private static List<List<SmallCount>> exactly(long[][] cells) {
    List<List<SmallCount>> shown = new ArrayList<>();
    for (long[] row : cells) {
      List<SmallCount> line = new ArrayList<>();
      for (long n : row) {
        line.add(new SmallCount(n, false));
      }
      shown.add(line);
    }
    return shown;
  }
}
