package org.sahay.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;

/**
 * A day at the sites: each client works at one collective and, in turn, searches (half of its
 * steps), hands over the round's kit to the next member not served yet (a quarter), registers a new
 * member (15 in 100) or records a need (10 in 100). Every write that was answered 2xx is kept in a
 * ledger and checked at the end against what the server holds.
 */
final class Day {

  /** A write the client saw acknowledged: what it was, the id answered, and who it was for. */
  record Acknowledged(String kind, String id, String about, int site) {}

  private final LoadClient client;
  private final List<Sites.Collective> sites;
  private final Stats stats;
  private final List<ConcurrentLinkedQueue<String>> unserved = new ArrayList<>();
  private final Map<String, Acknowledged> ledger = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> answerLost = new ConcurrentLinkedQueue<>();

  Day(LoadClient client, List<Sites.Collective> sites, Stats stats) {
    this.client = client;
    this.sites = sites;
    this.stats = stats;
    for (Sites.Collective c : sites) {
      unserved.add(new ConcurrentLinkedQueue<>(c.members()));
    }
  }

  void run(int clients, long seconds) throws InterruptedException {
    Map<Integer, Random> randoms = new ConcurrentHashMap<>();
    stats.restart();
    SiteDay.run(
        clients,
        seconds,
        i -> step(sites.get(i % sites.size()), randoms.computeIfAbsent(i, Random::new)));
    System.out.print(stats.report());
    verify();
  }

  private void step(Sites.Collective site, Random random) {
    int roll = random.nextInt(100);
    if (roll < 50) {
      SiteDay.search(client, site, stats, random, 1);
    } else if (roll < 75) {
      String member = unserved.get(site.index()).poll();
      if (member != null) {
        write(
            "hand-over",
            site,
            "/api/v1/distribution-rounds/" + site.round() + "/distributions",
            Map.of("memberId", member),
            member);
      }
    } else if (roll < 90) {
      Map<String, Object> member = Sites.newMember(random);
      Acknowledged made =
          write("register", site, "/api/v1/members", member, (String) member.get("phone"));
      if (made != null) {
        site.members().add(made.id());
        unserved.get(site.index()).add(made.id());
      }
    } else {
      List<String> known = site.members();
      String member = known.get(random.nextInt(known.size()));
      write(
          "need",
          site,
          "/api/v1/needs",
          Map.of("memberId", member, "category", random.nextBoolean() ? "medical" : "livelihood"),
          member);
    }
  }

  private Acknowledged write(
      String kind, Sites.Collective site, String path, Map<String, ?> body, String about) {
    String key = UUID.randomUUID().toString();
    long started = System.nanoTime();
    LoadClient.Answer answer = client.write(site.token(), path, body, key);
    stats.add(kind, started, answer.status());
    if (answer.recordedAnswerLost()) {
      // Recorded, its id unknown: checked below by whom it was about.
      ledger.put(kind + ":" + key, new Acknowledged(kind, null, about, site.index()));
      answerLost.add(kind);
      return null;
    }
    if (!answer.ok()) {
      refused.add(kind + " " + answer.status() + " after " + answer.attempts() + " attempts");
      return null;
    }
    Acknowledged made = new Acknowledged(kind, answer.text("id"), about, site.index());
    ledger.put(kind + ":" + made.id(), made);
    return made;
  }

  /** Every acknowledged write is there once: nothing lost, nothing recorded twice. */
  private void verify() {
    int lost = 0;
    int doubled = 0;
    Map<String, Integer> acknowledged = new HashMap<>();
    ledger.values().forEach(a -> acknowledged.merge(a.kind(), 1, Integer::sum));
    for (Sites.Collective site : sites) {
      Set<String> handedOver = new HashSet<>();
      Set<String> members = new HashSet<>();
      for (int page = 0; ; page++) {
        LoadClient.Answer list =
            client.call(
                site.token(),
                "GET",
                "/api/v1/distribution-rounds/"
                    + site.round()
                    + "/distributions?size=500&page="
                    + page,
                null);
        if (!list.ok() || list.body() == null || list.body().isEmpty()) {
          break;
        }
        for (JsonNode d : list.body()) {
          handedOver.add(d.get("id").asString());
          if (!members.add(d.get("member").asString())) {
            doubled++;
          }
        }
      }
      lost += lostHandOvers(site, handedOver, members);
    }
    for (Acknowledged a : ledger.values()) {
      Sites.Collective site = sites.get(a.site());
      if (a.kind().equals("register")) {
        LoadClient.Answer same =
            client.call(site.token(), "GET", "/api/v1/members?size=5&q=" + a.about(), null);
        int found = same.ok() && same.body() != null ? same.body().size() : 0;
        if (a.id() == null
            ? found == 0
            : !client.call(site.token(), "GET", "/api/v1/members/" + a.id(), null).ok()) {
          lost++;
        }
        doubled += Math.max(0, found - 1);
      } else if (a.kind().equals("need")
          && a.id() != null
          && !client.call(site.token(), "GET", "/api/v1/needs/" + a.id(), null).ok()) {
        lost++;
      }
    }
    System.out.printf(
        "acknowledged %s (answered \"recorded, answer lost\": %d %s); refused %d %s; lost %d;"
            + " doubled %d%n",
        acknowledged,
        answerLost.size(),
        summary(answerLost),
        refused.size(),
        summary(refused),
        lost,
        doubled);
  }

  private int lostHandOvers(Sites.Collective site, Set<String> handedOver, Set<String> members) {
    int lost = 0;
    for (Acknowledged a : ledger.values()) {
      if (a.kind().equals("hand-over")
          && a.site() == site.index()
          && !(a.id() == null ? members.contains(a.about()) : handedOver.contains(a.id()))) {
        lost++;
      }
    }
    return lost;
  }

  private static Map<String, Integer> summary(ConcurrentLinkedQueue<String> refused) {
    Map<String, Integer> counts = new HashMap<>();
    refused.forEach(r -> counts.merge(r.replaceAll(" after \\d+ attempts", ""), 1, Integer::sum));
    return counts;
  }
}
