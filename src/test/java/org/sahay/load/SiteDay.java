package org.sahay.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load driver (docs/benchmarks.md, docs/scaling.md): plays phones at distribution sites against
 * running Sahay nodes over HTTP. It sets up its own collectives through the API, then runs one
 * scenario at a chosen concurrency:
 *
 * <ul>
 *   <li>{@code handovers}: every client records hand-overs in the first collective's round (one
 *       round, as at one site);
 *   <li>{@code spread}: the same, with client {@code i} at collective {@code i mod C}, each its own
 *       round;
 *   <li>{@code search}: name searches of one word, a page of 25 (with {@code --token T}, in the
 *       collective of the leader whose API token that is, set up beforehand); with {@code --pages
 *       N} one of the first N pages at random, with {@code --rate} at an offered rate;
 *   <li>{@code day}: a day at the sites for {@code --seconds}: searches, registrations, hand-overs
 *       and needs assessed, each write under its own idempotency key, sent again (to the next node)
 *       until answered; then every acknowledged write is looked up: none may be lost or doubled.
 * </ul>
 *
 * <p>Usage: {@code java -cp <test classpath> org.sahay.load.SiteDay --base http://localhost:8080
 * --admin user:password --collectives 1 --members 2000 --clients 50 --scenario handovers
 * [--recordings N] [--warmup N] [--rate per-second] [--seconds S] [--node-pids 123,456]}; {@code
 * --base} takes several URLs, comma-separated; with {@code --node-pids} each phase also reports the
 * CPU time of those processes, of PostgreSQL and of the driver.
 */
public final class SiteDay {

  private SiteDay() {}

  /** Nanoseconds between the starts of one client's hand-overs; 0 for back to back. */
  private static long pace;

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    List<String> bases = Arrays.asList(o.getOrDefault("base", "http://localhost:8080").split(","));
    String[] admin = o.getOrDefault("admin", "bench.admin:bench admin pass 42").split(":", 2);
    int collectives = Integer.parseInt(o.getOrDefault("collectives", "1"));
    int members = Integer.parseInt(o.getOrDefault("members", "2000"));
    int clients = Integer.parseInt(o.getOrDefault("clients", "50"));
    String scenario = o.getOrDefault("scenario", "handovers");
    LoadClient client =
        new LoadClient(
            bases, Duration.ofSeconds(Long.parseLong(o.getOrDefault("retry-for", "120"))));
    long t0 = System.nanoTime();
    // --token: search a collective set up beforehand (a registry imported in bulk), as its leader.
    List<Sites.Collective> sites =
        o.containsKey("token")
            ? List.of(new Sites.Collective(0, null, o.get("token"), null, List.of()))
            : Sites.setUp(client, admin[0], admin[1], collectives, members, clients);
    System.out.printf(
        "set up %d collectives of %d members in %.1f s%n",
        collectives, members, (System.nanoTime() - t0) / 1e9);
    List<Long> pids = new ArrayList<>();
    for (String pid : o.getOrDefault("node-pids", "").split(",")) {
      if (!pid.isBlank()) {
        pids.add(Long.parseLong(pid.strip()));
      }
    }
    Stats stats = new Stats(new CpuMeter(pids));
    switch (scenario) {
      case "handovers", "spread" -> {
        int recordings = Integer.parseInt(o.getOrDefault("recordings", "0"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "0"));
        // An offered rate (per second, all clients together) instead of as fast as answered: a
        // site's phones record a hand-over every few seconds each, not back to back.
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        pace = 0;
        boolean spread = "spread".equals(scenario);
        if (warmup > 0) {
          // The JIT compiles for a minute or more: the first hand-overs are not the steady state.
          handOvers(client, sites, clients, spread, 0, warmup, stats);
          System.out.print("warm-up: " + stats.report());
        }
        pace = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        handOvers(client, sites, clients, spread, warmup, recordings, stats);
      }
      case "search" -> {
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        pace = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        // --pages N: each search asks for one of the first N pages, not always the first.
        int pages = Integer.parseInt(o.getOrDefault("pages", "1"));
        run(
            clients,
            seconds(o),
            i -> search(client, sites.get(i % sites.size()), stats, new Random(), pages));
      }
      case "day" -> new Day(client, sites, stats).run(clients, seconds(o));
      default -> throw new IllegalArgumentException("no scenario " + scenario);
    }
    if (!"day".equals(scenario)) {
      System.out.print(stats.report());
    }
    System.out.printf("retried writes: %d%n", client.retried.get());
  }

  private static Sites.Collective site(List<Sites.Collective> sites, int client) {
    return sites.get(client % sites.size());
  }

  private static long seconds(Map<String, String> o) {
    return Long.parseLong(o.getOrDefault("seconds", "60"));
  }

  /** Hand-overs to each member once: at one round, or spread over every collective's own round. */
  private static void handOvers(
      LoadClient client,
      List<Sites.Collective> sites,
      int clients,
      boolean spread,
      int skip,
      int recordings,
      Stats stats)
      throws InterruptedException {
    List<ConcurrentLinkedQueue<String>> queues = new ArrayList<>();
    for (Sites.Collective c : sites) {
      // Each collective's share of the recordings, after the first {@code skip} (per collective).
      int share = spread ? Math.max(1, recordings / sites.size()) : recordings;
      int from = Math.min(c.members().size(), spread ? skip / sites.size() : skip);
      int to = recordings > 0 ? Math.min(c.members().size(), from + share) : c.members().size();
      List<String> list = new ArrayList<>(c.members().subList(from, to));
      queues.add(new ConcurrentLinkedQueue<>(list));
    }
    stats.restart();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int t = 0; t < clients; t++) {
      Sites.Collective site = sites.get(spread ? t % sites.size() : 0);
      ConcurrentLinkedQueue<String> queue = queues.get(site.index());
      pool.execute(
          () -> {
            long next = System.nanoTime() + (pace > 0 ? (long) (Math.random() * pace) : 0);
            for (String member = queue.poll(); member != null; member = queue.poll()) {
              sleepUntil(next);
              next += pace;
              long started = System.nanoTime();
              LoadClient.Answer answer =
                  client.write(
                      site.token(),
                      "/api/v1/distribution-rounds/" + site.round() + "/distributions",
                      Map.of("memberId", member),
                      UUID.randomUUID().toString());
              stats.add("hand-over", started, answer.status());
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.DAYS);
  }

  private static void sleepUntil(long nanos) {
    long wait = nanos - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void search(
      LoadClient client, Sites.Collective site, Stats stats, Random random, int pages) {
    String word =
        random.nextBoolean()
            ? Sites.FIRST[random.nextInt(Sites.FIRST.length)]
            : Sites.SECOND[random.nextInt(Sites.SECOND.length)];
    long started = System.nanoTime();
    LoadClient.Answer answer =
        client.call(
            site.token(),
            "GET",
            "/api/v1/members?size=25&page=" + random.nextInt(pages) + "&q=" + word,
            null);
    stats.add("search", started, answer.status());
  }

  /** {@code clients} threads, each running {@code step} (given its number) until time is up. */
  static void run(int clients, long seconds, java.util.function.IntConsumer step)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int t = 0; t < clients; t++) {
      int index = t;
      pool.execute(
          () -> {
            long next = System.nanoTime() + (pace > 0 ? (long) (Math.random() * pace) : 0);
            while (System.nanoTime() < deadline) {
              sleepUntil(next);
              next += pace;
              try {
                step.accept(index);
              } catch (RuntimeException e) {
                failed.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.DAYS);
    if (failed.get() > 0) {
      System.out.printf("steps that threw in the driver: %d%n", failed.get());
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }
}
