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
    MatchFeatures her =
        MatchKeys.of(
            new MatchKeys.Plain(
                d.name(),
                d.alias(),
                d.birthYear(),
                d.phone(),
                d.otherPhone(),
                d.village(),
                d.district()),
            recorder.keyed(collective));
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

  private static long nameKey(MatchFeatures f) {
    return PairFinder.mix(f.district() ^ Comparison.nameKey(f));
  }
}
