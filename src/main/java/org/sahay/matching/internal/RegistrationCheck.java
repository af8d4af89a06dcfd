package org.sahay.matching.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DuplicateCheck;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberRecorded;
import org.springframework.stereotype.Component;

/**
 * Record linkage for one person about to be registered: she is compared with every member of the
 * collective (a collective holds hundreds to a few thousand, so no blocking is needed), with the
 * configured model; those in the likely or possible band are returned, most likely first.
 */
@Component
class RegistrationCheck implements DuplicateCheck {

  private final MatchRecordStore records;
  private final MatchRecorder recorder;

  RegistrationCheck(MatchRecordStore records, MatchRecorder recorder) {
    this.records = records;
    this.recorder = recorder;
  }

  @Override
  public List<MemberId> sameAs(OrganisationId collective, MemberRecorded d, int limit) {
    MatchFeatures her = MatchKeys.of(MatchKeys.Plain.of(d), recorder.keyed(collective));
    List<UUID> ids = new ArrayList<>();
    List<MatchFeatures> others = new ArrayList<>();
    records.forEach(
        collective,
        (member, organisation, bytes) -> {
          ids.add(member);
          others.add(MatchFeatures.decode(bytes));
        });
    Map<Long, Integer> bearers = new HashMap<>();
    for (MatchFeatures f : others) {
      bearers.merge(nameKey(f), 1, Integer::sum);
    }
    int hers = bearers.getOrDefault(nameKey(her), 0) + 1;
    LinkageModel model = LinkageModel.configured();
    record Scored(UUID id, double score) {}
    List<Scored> found = new ArrayList<>();
    for (int i = 0; i < others.size(); i++) {
      MatchFeatures other = others.get(i);
      int bearing = Math.max(hers, bearers.getOrDefault(nameKey(other), 0));
      int pattern = Comparison.pattern(her, other, bearing);
      double posterior = model.posterior(pattern);
      if (Linkage.band(posterior, pattern) != null) {
        found.add(new Scored(ids.get(i), posterior));
      }
    }
    return found.stream()
        .sorted(Comparator.comparingDouble(Scored::score).reversed())
        .limit(limit)
        .map(s -> new MemberId(s.id()))
        .toList();
  }

  /**
   * The rows of a file and the members of the collective in one population, blocked and compared as
   * a scan does (with the configured model): a row likely the same as a member, or as an earlier
   * row, is reported.
   */
  @Override
  public List<InFile> inFile(OrganisationId collective, Map<Integer, MemberRecorded> rows) {
    var keyed = recorder.keyed(collective);
    List<Integer> numbers = new ArrayList<>(rows.keySet());
    java.util.Collections.sort(numbers);
    List<MatchFeatures> all = new ArrayList<>();
    for (Integer n : numbers) {
      MemberRecorded d = rows.get(n);
      all.add(MatchKeys.of(MatchKeys.Plain.of(d), keyed));
    }
    List<UUID> members = new ArrayList<>();
    records.forEach(
        collective,
        (member, organisation, bytes) -> {
          members.add(member);
          all.add(MatchFeatures.decode(bytes));
        });
    Linkage.Result result =
        Linkage.run(
            new int[all.size()],
            all.toArray(new MatchFeatures[0]),
            LinkageModel.configured(),
            numbers.size());
    List<InFile> found = new ArrayList<>();
    var candidates = result.candidates();
    int fileRows = numbers.size();
    for (int i = 0; i < candidates.size(); i++) {
      int a = candidates.first(i);
      int b = candidates.second(i);
      if (result.bands()[i] != org.sahay.matching.Band.LIKELY || a >= fileRows) {
        continue;
      }
      found.add(
          b < fileRows
              ? new InFile(numbers.get(b), null, numbers.get(a))
              : new InFile(numbers.get(a), new MemberId(members.get(b - fileRows)), null));
    }
    found.sort(Comparator.comparingInt(InFile::row));
    return found;
  }

  private static long nameKey(MatchFeatures f) {
    return PairFinder.mix(f.district() ^ Comparison.nameKey(f));
  }
}
