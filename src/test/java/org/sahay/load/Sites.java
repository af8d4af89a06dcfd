package org.sahay.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collectives made for a load run through the API, as an operator and leaders would: each with a
 * leader, members registered one by one (synthetic names and numbers only), a ration kit in stock
 * at one site and a distribution round over all members, once per household.
 */
final class Sites {

  static final String[] FIRST = {
    "Lakshmi", "Durga", "Rekha", "Parvati", "Padma", "Radha", "Kamala", "Sunita", "Anjali",
    "Savitri", "Meena", "Roja", "Salma", "Ayesha", "Rani", "Gita", "Pushpa", "Mamata"
  };
  static final String[] SECOND = {
    "Devi", "Kumari", "Reddy", "Naidu", "Das", "Mondal", "Bibi", "Khatun", "Rao", "Sheikh", "Murmu",
    "Paul", "Ghosh", "Varma", "Shaik", "Bai"
  };
  static final String[] VILLAGES = {
    "Kothapeta",
    "Ramapuram",
    "Gandhinagar",
    "Islampur",
    "Nayapara",
    "Bhimavaram",
    "Sonagachi",
    "Kalighat",
    "Peddapalem",
    "Chinnapur"
  };

  /** One collective of a run: its leader's token, its round and its members (grows by the day). */
  record Collective(
      int index, String organisation, String token, String round, List<String> members) {}

  private static final AtomicInteger PHONES = new AtomicInteger();
  private static final int RUN = (int) (System.currentTimeMillis() / 1000 % 100_000);

  private Sites() {}

  /** A member no one has registered before: a new number each time. */
  static Map<String, Object> newMember(java.util.Random random) {
    int n = PHONES.incrementAndGet();
    return Map.of(
        "name",
        FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)],
        "gender",
        "FEMALE",
        "yearOfBirth",
        1960 + random.nextInt(45),
        "district",
        "Guntur",
        "village",
        VILLAGES[random.nextInt(VILLAGES.length)],
        "phone",
        String.format("7%04d%05d", RUN % 10_000, n % 100_000));
  }

  static List<Collective> setUp(
      LoadClient client,
      String admin,
      String adminPassword,
      int collectives,
      int members,
      int clients)
      throws InterruptedException {
    String adminToken = client.token(admin, adminPassword);
    List<Collective> made = new ArrayList<>();
    for (int c = 0; c < collectives; c++) {
      // Two to five capital letters or digits: L, two for the run, up to two for the collective.
      String code =
          "L"
              + String.format("%2s", Integer.toString(RUN % 1296, 36))
                  .replace(' ', '0')
                  .toUpperCase()
              + c;
      LoadClient.Answer org =
          client.call(
              adminToken,
              "POST",
              "/api/v1/organisations",
              Map.of(
                  "name", "Load collective " + code,
                  "kind", "COLLECTIVE",
                  "state", "Andhra Pradesh",
                  "district", "Guntur",
                  "shortCode", code,
                  "defaultLanguage", "te"));
      require(org, "an organisation");
      String leader = "load.leader." + code.toLowerCase();
      String password = "load leader pass " + code;
      require(
          client.call(
              adminToken,
              "POST",
              "/api/v1/organisations/" + org.text("id") + "/users",
              Map.of("username", leader, "password", password, "roles", List.of("LEADER"))),
          "a leader");
      made.add(
          new Collective(
              c,
              org.text("id"),
              client.token(leader, password),
              null,
              Collections.synchronizedList(new ArrayList<>())));
    }
    register(client, made, members, clients);
    List<Collective> ready = new ArrayList<>();
    for (Collective c : made) {
      ready.add(
          new Collective(
              c.index(), c.organisation(), c.token(), round(client, c, members), c.members()));
    }
    return ready;
  }

  /** Members registered through the API by {@code clients} threads, as leaders at a desk would. */
  private static void register(LoadClient client, List<Collective> made, int members, int clients)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    int total = members * made.size();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int t = 0; t < clients; t++) {
      java.util.Random random = new java.util.Random(t);
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
              Collective c = made.get(i % made.size());
              LoadClient.Answer member =
                  client.write(
                      c.token(),
                      "/api/v1/members",
                      newMember(random),
                      UUID.randomUUID().toString());
              require(member, "a member");
              c.members().add(member.text("id"));
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.DAYS);
  }

  private static String round(LoadClient client, Collective c, int members) {
    String token = c.token();
    LoadClient.Answer item =
        client.call(
            token,
            "POST",
            "/api/v1/items",
            Map.of(
                "nameEn", "Ration kit", "nameTe", "రేషన్ కిట్", "unit", "KIT", "category", "FOOD"));
    require(item, "an item");
    LoadClient.Answer place =
        client.call(token, "POST", "/api/v1/stock-locations", Map.of("name", "Office"));
    require(place, "a site");
    require(
        client.call(
            token,
            "POST",
            "/api/v1/stock-receipts",
            Map.of(
                "locationId",
                place.text("id"),
                "itemId",
                item.text("id"),
                "quantity",
                members * 10 + 100_000,
                "source",
                "GOVERNMENT")),
        "a receipt");
    LoadClient.Answer round =
        client.call(
            token,
            "POST",
            "/api/v1/distribution-rounds",
            Map.of(
                "name", "Load round",
                "startsOn", "2026-05-01",
                "endsOn", "2026-05-31",
                "locationId", place.text("id"),
                "lines", List.of(Map.of("item", item.text("id"), "quantity", 1)),
                "eligibility", "ALL_MEMBERS",
                "rule", "ONCE_PER_HOUSEHOLD"));
    require(round, "a round");
    return round.text("id");
  }

  static void require(LoadClient.Answer answer, String what) {
    if (!answer.ok()) {
      throw new IllegalStateException(
          "could not make " + what + ": " + answer.status() + " " + answer.body());
    }
  }
}
