package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahay.CareSeeds;
import org.sahay.EntitlementSeeds;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.Json;
import org.sahay.SahayApplication;
import org.sahay.care.CareAction;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every route of the application, read from Spring's handler mappings at test time, tried against
 * the demo world (two collectives, their mentor, funder and network, a district office) with the
 * records the demo lacks made first: no route answers anyone who is not signed in (but the public
 * ones listed here); pages are crawled as the first collective's own users to find real addresses.
 * Every read so filled is then tried by a user of each role in each relation to that collective,
 * and the answer checked against what the access policy decides for that caller; every route is
 * tried by every outsider, who sees none of its members' names or codes and changes nothing unless
 * the policy permitted it on that request. A route that no crawl reaches fails the build unless it
 * is listed in {@link #NOT_REACHED} with the reason.
 */
class RouteTableIntegrationTest {

  /** Routes anyone may call without signing in. */
  private static final Set<String> PUBLIC =
      Set.of(
          "GET /login",
          "GET /setup",
          "POST /setup",
          "GET /quick-exit",
          "POST /quick-exit",
          "GET /n",
          "GET /error",
          "GET /robots.txt",
          "GET /sw.js",
          "GET /manifest.json",
          "GET /p/{slug}",
          "GET /p/{slug}/receipt",
          "GET /p/{slug}/**");

  /**
   * Reads that refuse some callers the policy permits, for a reason outside the policy, with the
   * reason.
   */
  private static final String COLLECTIVES_ONLY =
      "kept by collectives only: an admin of a mentor, funder or network is refused by kind";

  private static final Map<String, String> STRICTER =
      Map.ofEntries(
          Map.entry("GET /api/v1/distribution-rounds", COLLECTIVES_ONLY),
          Map.entry("GET /api/v1/items", COLLECTIVES_ONLY),
          Map.entry("GET /api/v1/kits", COLLECTIVES_ONLY),
          Map.entry("GET /api/v1/relief-recipients", COLLECTIVES_ONLY),
          Map.entry("GET /api/v1/stock", COLLECTIVES_ONLY),
          Map.entry("GET /api/v1/stock-locations", COLLECTIVES_ONLY),
          Map.entry("GET /relief", COLLECTIVES_ONLY),
          Map.entry("GET /relief/catalogue", COLLECTIVES_ONLY),
          Map.entry("GET /relief/rounds/new", COLLECTIVES_ONLY),
          Map.entry("GET /relief/stock", COLLECTIVES_ONLY),
          Map.entry("GET /relief/stock/{kind}", COLLECTIVES_ONLY),
          Map.entry("GET /care/health", COLLECTIVES_ONLY),
          Map.entry("GET /api/v1/exports/members", COLLECTIVES_ONLY),
          Map.entry(
              "GET /api/v1/disbursements/{id}/proof", "the demo's payments have no proof file"),
          Map.entry(
              "GET /support/disbursements/{disbursementId}/proof",
              "the demo's payments have no proof file"),
          Map.entry("GET /funds/expenses/{id}/proof", "the demo's expenses have no proof file"),
          Map.entry(
              "GET /support/{id}/lines/new",
              "the request found is no draft: its lines no longer change"),
          Map.entry(
              "GET /support/{id}/lines/{lineId}/edit",
              "the request found is no draft: its lines no longer change"),
          Map.entry(
              "GET /support/{id}/lines/{lineId}/pay",
              "the line found is not one waiting to be paid"));

  /**
   * Routes another role reaches through an action of its own, with that action: the lists a
   * collective sends to a district office are read there by the office's liaison (the API's
   * beneficiary lists are named here by their pages).
   */
  private static final Map<String, String> ANOTHER_WAY =
      Map.of(
          "GET /entitlements/lists", "DISTRICT_LIST_RECEIVE",
          "GET /entitlements/lists/{id}", "DISTRICT_LIST_RECEIVE",
          "GET /entitlements/lists/{id}/export", "DISTRICT_LIST_RECEIVE",
          "GET /entitlements/lists/{id}/locked", "DISTRICT_LIST_RECEIVE",
          "GET /entitlements/lists/{id}/rows", "DISTRICT_LIST_RECEIVE",
          "POST /entitlements/lists/{id}/acknowledgement", "DISTRICT_LIST_RECEIVE");

  /** Reads about one member, named in the query. */
  private static final Set<String> ABOUT_A_MEMBER =
      Set.of(
          "GET /api/v1/counselling-sessions",
          "GET /api/v1/counselling-sessions/scores",
          "GET /api/v1/vaccinations",
          "GET /households/new",
          "GET /needs/new");

  /**
   * Reads about the signed-in user alone (their home, their account, their language), which no
   * action of the policy guards: every signed-in user may use them.
   */
  private static final Map<String, String> SIGNED_IN =
      Map.ofEntries(
          Map.entry("GET /account", "the user's own account"),
          Map.entry("GET /account/second-factor", "the user's own second factor"),
          Map.entry("GET /login/code", "the second step of the user's own sign-in"),
          Map.entry("GET /api/v1/me", "who the caller is"),
          Map.entry("GET /sync/v1/session", "the phone's own session for sync"),
          Map.entry("GET /offline", "the page shown when the phone has no network"),
          Map.entry("GET /v3/api-docs", "the API's description, no data"),
          Map.entry("GET /v3/api-docs.yaml", "the API's description, no data"),
          Map.entry("GET /api/v1/indicators", "the indicators' definitions, no data"),
          Map.entry("GET /reports/indicators", "the indicators' definitions, no data"),
          Map.entry("GET /api/v1/vaccines", "the vaccine catalogue, shared by all"));

  /**
   * Pages that show each of their parts under that part's own rule (a landing page, a list of what
   * the caller may see): checked for answering everyone without failing; each part has its own
   * route.
   */
  private static final Map<String, String> COMPOSITE =
      Map.ofEntries(
          Map.entry("GET /", "home: a tile for each part the caller may use"),
          Map.entry("GET /funds", "own funds if permitted, and the linked collectives' funds"),
          Map.entry("GET /reports", "own reports if permitted, and the linked collectives'"),
          Map.entry("GET /api/v1/reports/dashboard", "as /reports, for the app"),
          Map.entry("GET /entitlements/coverage", "own coverage, or the linked collectives'"),
          Map.entry("GET /support", "own requests and those addressed to the caller"),
          Map.entry("GET /api/v1/support-requests", "as /support, for the app"),
          Map.entry("GET /reports/exports", "the caller's own exports"));

  /**
   * Addresses whose variable names no record of an organisation (a scheme, a kind of stock): the
   * policy is asked about the caller's own organisation.
   */
  private static final Map<String, String> CALLERS_OWN =
      Map.of(
          "GET /api/v1/schemes/{id}", "schemes are shared by every organisation",
          "GET /relief/stock/{kind}", "a kind of stock, of the caller's own store");

  /**
   * Routes the crawl cannot fill with the first collective's real ids, and why; each is still tried
   * without a user. Keep this short: a route here is checked for the anonymous case only.
   */
  private static final Map<String, String> NOT_REACHED = notReached();

  private static Map<String, String> notReached() {
    try (var in =
        RouteTableIntegrationTest.class.getResourceAsStream("/route-table-not-reached.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split(" \\| ", 2))
          .collect(java.util.stream.Collectors.toMap(p -> p[0].strip(), p -> p[1].strip()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String MARKER = "DGNT-0";
  private static final String PASSWORD = "route table pass 42";
  private static final Pattern HREF = Pattern.compile("(?:href|action)=\"(/[^\"#]*)");
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  private static ConfigurableApplicationContext app;
  private static int port;
  private static JdbcClient jdbc;
  private static final Map<String, Route> ROUTES = new TreeMap<>();
  private static final Probe PROBE = new Probe();
  private static final Map<String, Actor> ACTORS = new LinkedHashMap<>();
  private static Map<String, String> roleUsers;
  private static Map<String, Set<String>> reached;
  private static Map<String, String> concrete;
  private static List<String> unreached;

  /** What the access policy decided while serving one request, found by its probe header. */
  record Seen(
      Action action, OrganisationId target, AccessPolicy.Decision decision, boolean required) {}

  /** Collects every decision made while serving a request that carries the probe header. */
  static final class Probe implements AccessPolicy.Observer {
    static final String HEADER = "X-Route-Probe";
    private final Map<String, List<Seen>> seen = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void decided(
        Actor actor,
        Action action,
        OrganisationId target,
        AccessPolicy.Decision decision,
        boolean required) {
      if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
          instanceof org.springframework.web.context.request.ServletRequestAttributes request) {
        String probe = request.getRequest().getHeader(HEADER);
        if (probe != null) {
          seen.computeIfAbsent(probe, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
              .add(new Seen(action, target, decision, required));
        }
      }
    }

    List<Seen> take(String probe) {
      List<Seen> taken = seen.remove(probe);
      return taken == null ? List.of() : taken;
    }
  }

  record Route(String method, PathPattern pattern) {
    String key() {
      return method + " " + pattern.getPatternString();
    }
  }

  @BeforeAll
  static void start() {
    String url =
        "jdbc:h2:mem:routes-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    SpringApplication application = new SpringApplication(SahayApplication.class);
    application.setAdditionalProfiles("test");
    application.addInitializers(
        context -> context.getBeanFactory().registerSingleton("routeTableProbe", PROBE));
    app =
        application.run(
            "--server.port=0",
            "--sahay.demo=true",
            "--spring.datasource.url=" + url,
            "--sahay.data-dir=target/route-table-data",
            "--spring.jmx.enabled=false");
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
    jdbc = app.getBean(JdbcClient.class);
    var mappings = app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      if (info.getPathPatternsCondition() == null) {
        continue;
      }
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
        for (RequestMethod method :
            methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
          Route route = new Route(method.name(), pattern);
          ROUTES.put(route.key(), route);
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void noRouteAnswersSomeoneWhoIsNotSignedIn() {
    Http anonymous = new Http(port);
    List<String> open = new ArrayList<>();
    for (Route route : ROUTES.values()) {
      if (PUBLIC.contains(route.key()) || route.pattern().getPatternString().startsWith("/p/")) {
        continue;
      }
      String path = filled(route.pattern().getPatternString(), Map.of());
      HttpResponse<String> answer =
          route.method().equals("GET")
              ? anonymous.get(path)
              : anonymous.send(route.method(), path, path.startsWith("/api/") ? "{}" : null);
      int status = answer.statusCode();
      boolean toLogin =
          status == 302 && answer.headers().firstValue("Location").orElse("").contains("/login");
      if (!(status == 401 || status == 403 || toLogin)) {
        open.add(route.key() + " -> " + status);
      }
    }
    assertThat(ROUTES).hasSizeGreaterThan(100);
    assertThat(open).as("routes that answer without a user").isEmpty();
  }

  @Test
  void noOutsiderSeesTheFirstCollectivesMembersOrChangesAnythingUnlessThePolicyPermits() {
    world();
    assertThat(reached).as("the crawl reached the member pages").containsKey("GET /members/{id}");
    Set<String> names = names();
    assertThat(names).as("the first collective's member names, to look for").hasSizeGreaterThan(5);
    System.out.printf(
        "route table: %d routes, %d tried by outsiders with the first collective's ids, %d listed"
            + " as not reached%n",
        ROUTES.size(), concrete.size(), NOT_REACHED.size());
    String before = fingerprint();
    List<String> leaks = new ArrayList<>();
    List<String> oracles = new ArrayList<>();
    int compared = 0;
    OrganisationId first = firstCollective();
    for (String outsider : ACTORS.keySet()) {
      if (outsider.startsWith("rt-own-")) {
        continue;
      }
      // The funder sees the requests addressed to it, with member codes but never names, and may
      // decide them; mentors comment on and decide their collectives' requests; a system admin
      // manages every organisation's users. Their writes may be permitted and are not tried;
      // only what they read is checked.
      boolean funder = outsider.startsWith("rt-funder-");
      boolean unrelated =
          app.getBean(AccessPolicy.class).relation(ACTORS.get(outsider), first)
              == AccessPolicy.Relation.NONE;
      boolean writes =
          !funder && !outsider.startsWith("rt-mentor-") && !outsider.equals("demo-admin");
      Http http = new Http(port);
      http.signIn(outsider, PASSWORD);
      String token = http.token(outsider, PASSWORD);
      for (var entry : concrete.entrySet()) {
        String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
        String path = entry.getValue();
        boolean api = path.startsWith("/api/");
        if (!method.equals("GET") && (!writes || !entry.getKey().contains("{"))) {
          // Acts on the caller's own organisation; reaching another is tried through its ids.
          continue;
        }
        if (!method.equals("GET")
            && ACTORS.get(outsider).has(Role.DISTRICT_LIAISON)
            && ANOTHER_WAY.containsKey(
                entry.getKey().replaceFirst("/api/v1/beneficiary-lists", "/entitlements/lists"))) {
          // The liaison acknowledges the lists sent to the office: a permitted write.
          continue;
        }
        String probe = UUID.randomUUID().toString();
        HttpResponse<String> answer;
        if (method.equals("GET")) {
          answer =
              api
                  ? http.get(path, "Authorization", Http.bearer(token), Probe.HEADER, probe)
                  : http.get(path, Probe.HEADER, probe);
        } else if (api) {
          answer =
              http.send(
                  method, path, "{}", "Authorization", Http.bearer(token), Probe.HEADER, probe);
        } else {
          answer = http.postForm(path, Map.of(), "/", Probe.HEADER, probe);
        }
        int status = answer.statusCode();
        String body = answer.body() == null ? "" : answer.body();
        String name = names.stream().filter(body::contains).findFirst().orElse(null);
        String seen = null;
        if (name != null) {
          seen = "shows a member's name";
        } else if (!funder && body.contains(MARKER)) {
          seen = "shows a member code";
        } else if (!method.equals("GET") && status < 300) {
          seen = "-> " + status;
        }
        List<Seen> decisions = PROBE.take(probe);
        boolean permitted = permitted(decisions, first, entry.getKey());
        if (seen != null && !permitted) {
          leaks.add(outsider + " " + entry.getKey() + " (" + path + ") " + seen);
        } else if (status >= 500) {
          leaks.add(outsider + " " + entry.getKey() + " (" + path + ") -> " + status);
        } else if (!permitted
            && unrelated
            && entry.getKey().contains("{")
            && !CALLERS_OWN.containsKey(
                "GET " + ROUTES.get(entry.getKey()).pattern().getPatternString())) {
          // To a caller the policy gives no relation to the collective, its real ids must get
          // the answer an id that does not exist gets: another would tell that the record exists.
          // (A mentor or funder may be told 403: they know the collective.)
          String nowhere =
              filled(ROUTES.get(entry.getKey()).pattern().getPatternString(), Map.of());
          int none =
              (method.equals("GET")
                      ? (api
                          ? http.get(nowhere, "Authorization", Http.bearer(token))
                          : http.get(nowhere))
                      : api
                          ? http.send(method, nowhere, "{}", "Authorization", Http.bearer(token))
                          : http.postForm(nowhere, Map.of(), "/"))
                  .statusCode();
          compared++;
          if (none != status) {
            oracles.add(
                outsider
                    + " "
                    + entry.getKey()
                    + ": "
                    + status
                    + " for a real id, "
                    + none
                    + " for none");
          }
        }
      }
    }
    System.out.printf(
        "route table: %d answers to unrelated callers compared with an id that does not exist%n",
        compared);
    assertThat(oracles)
        .as("routes that answer an outsider differently for a real id than for none")
        .isEmpty();
    // The first collective's own roles read every address: none fails on the server.
    for (String own : List.of("rt-own-org_admin", "rt-own-leader", "rt-own-counsellor")) {
      Http http = new Http(port);
      http.signIn(own, PASSWORD);
      String token = http.token(own, PASSWORD);
      for (var entry : concrete.entrySet()) {
        if (entry.getKey().startsWith("GET ")) {
          String path = entry.getValue();
          int status =
              (path.startsWith("/api/")
                      ? http.get(path, "Authorization", Http.bearer(token))
                      : http.get(path))
                  .statusCode();
          if (status >= 500) {
            leaks.add(own + " " + entry.getKey() + " (" + path + ") -> " + status);
          }
        }
      }
    }
    assertThat(leaks).as("what outsiders reached").isEmpty();
    assertThat(fingerprint()).as("the database after every outsider's writes").isEqualTo(before);
    assertThat(unreached)
        .as("routes no crawl reached (fill them from the demo world, or list them with a reason)")
        .isEmpty();
    assertThat(NOT_REACHED.keySet().stream().filter(concrete::containsKey).sorted().toList())
        .as("routes listed as not reached that are reached now: take them off the list")
        .isEmpty();
    assertThat(ROUTES.keySet())
        .as("routes listed as not reached")
        .containsAll(NOT_REACHED.keySet());
  }

  /** Where a route's gate is asked: as the first collective's own users' requests asked it. */
  enum Target {
    /** A global action. */
    GLOBAL,
    /** The organisation of the record the address names: the first collective, for anyone. */
    RECORD,
    /** The caller's own organisation (a list, a form, a page about one's own collective). */
    CALLER
  }

  /** A route's gate: the first action its serving required (or, failing that, asked). */
  record Gate(Action action, Target target, boolean required) {}

  /** One caller's answer and what the policy decided while serving it. */
  record Answer(int status, List<Seen> seen) {
    /**
     * The first decision on the request that refused an action, required or only asked (a page that
     * asks whether the caller may write, and refuses the form if not).
     */
    Seen refusal() {
      return seen.stream()
          .filter(s -> s.decision() != AccessPolicy.Decision.PERMIT)
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * Every page and API read, filled with the first collective's ids, by a user of each role in each
   * relation to it (own, unrelated, mentor, funder, network). The route's gate is learnt from what
   * the access policy was asked while serving the collective's own users (the first action
   * required, on the record's organisation or the caller's own); every caller's answer must then be
   * what the policy decides for that caller at that gate: 404 where it hides, 403 or 404 where it
   * forbids. Where it permits, a refusal must come from a later decision of the policy on the same
   * request, or be listed in {@link #STRICTER} with its reason. A route whose serving asks the
   * policy nothing fails, unless it is about the signed-in user alone ({@link #SIGNED_IN}).
   */
  @Test
  void everyReadAnswersEachRoleInEachRelationAsThePolicyDecides() {
    world();
    AccessPolicy policy = app.getBean(AccessPolicy.class);
    OrganisationId first = firstCollective();
    // The first collective's own users first: the gate is learnt from them.
    List<String> callers =
        ACTORS.keySet().stream()
            .sorted(java.util.Comparator.comparing(u -> !u.startsWith("rt-own-")))
            .toList();
    Map<String, Http> sessions = new LinkedHashMap<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String username : callers) {
      Http http = new Http(port);
      http.signIn(username, PASSWORD);
      tokens.put(username, http.token(username, PASSWORD));
      sessions.put(username, http);
    }
    List<String> noRule = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    Set<String> stricter = new TreeSet<>();
    int tried = 0;
    for (var entry : concrete.entrySet()) {
      if (!entry.getKey().startsWith("GET ")) {
        continue;
      }
      String path = entry.getValue();
      boolean api = path.startsWith("/api/");
      boolean record =
          (path.contains("?member=")
                  || ROUTES.get(entry.getKey()).pattern().getPatternString().contains("{"))
              && !CALLERS_OWN.containsKey(entry.getKey());
      Map<String, Answer> answers = new LinkedHashMap<>();
      for (String username : callers) {
        String probe = UUID.randomUUID().toString();
        Http http = sessions.get(username);
        HttpResponse<String> answer =
            api
                ? http.get(
                    path, "Authorization", Http.bearer(tokens.get(username)), Probe.HEADER, probe)
                : http.get(path, Probe.HEADER, probe);
        answers.put(username, new Answer(answer.statusCode(), PROBE.take(probe)));
        tried++;
      }
      Gate gate = gate(answers, first, record);
      if (gate == null) {
        if (!SIGNED_IN.containsKey(entry.getKey())) {
          noRule.add(entry.getKey() + " " + statuses(answers));
        }
        continue;
      }
      if (COMPOSITE.containsKey(entry.getKey())) {
        answers.forEach(
            (username, answer) -> {
              if (answer.status() == 401 || answer.status() >= 500) {
                wrong.add(entry.getKey() + " as " + username + ": " + answer.status());
              }
            });
        continue;
      }
      for (var each : answers.entrySet()) {
        Actor caller = ACTORS.get(each.getKey());
        OrganisationId target =
            switch (gate.target()) {
              case GLOBAL -> null;
              case RECORD -> first;
              case CALLER -> caller.organisation();
            };
        AccessPolicy.Decision expected = policy.decide(caller, gate.action(), target);
        int actual = each.getValue().status();
        boolean refused = actual == 403 || actual == 404;
        Seen refusal = each.getValue().refusal();
        boolean outside = refused && refusal == null;
        // A system admin, who has no organisation, may pass through a global action instead (the
        // shared catalogue of schemes, which system admins keep).
        boolean global =
            caller.organisation() == null
                && each.getValue().seen().stream()
                    .anyMatch(
                        x -> x.target() == null && x.decision() == AccessPolicy.Decision.PERMIT);
        // A 403 where the policy hides is no leak when the request was refused on the caller's own
        // organisation, before the record was looked at: any id gets the same answer.
        boolean refusedAtHome =
            actual == 403
                && refusal != null
                && refusal.decision() == AccessPolicy.Decision.FORBIDDEN
                && java.util.Objects.equals(refusal.target(), caller.organisation());
        // A route another role reaches through an action of its own (a district office's liaison
        // reads the lists sent to the office): the policy permitted that action on the request.
        String other =
            ANOTHER_WAY.get(
                entry.getKey().replaceFirst("/api/v1/beneficiary-lists", "/entitlements/lists"));
        boolean otherWay =
            other != null
                && each.getValue().seen().stream()
                    .anyMatch(
                        x ->
                            x.action().name().equals(other)
                                && x.decision() == AccessPolicy.Decision.PERMIT);
        boolean agrees =
            switch (expected) {
              case HIDDEN -> actual == 404 || refusedAtHome || global || otherWay;
              case FORBIDDEN -> refused || global || otherWay;
              case PERMIT -> !outside || STRICTER.containsKey(entry.getKey());
            };
        if (expected == AccessPolicy.Decision.PERMIT && outside) {
          stricter.add(entry.getKey());
        }
        if (!agrees || actual == 401 || actual >= 500) {
          wrong.add(
              entry.getKey()
                  + " as "
                  + each.getKey()
                  + ": policy "
                  + expected
                  + " at "
                  + gate
                  + ", answer "
                  + actual);
        }
      }
    }
    System.out.printf(
        "route table: %d reads tried by %d users; refused outside the policy: %s%n",
        tried, ACTORS.size(), stricter);
    assertThat(noRule).as("reads that ask the access policy nothing").isEmpty();
    assertThat(wrong).as("answers that are not what the policy decides").isEmpty();
    assertThat(STRICTER.keySet())
        .as("routes listed as refusing outside the policy that no longer do")
        .isSubsetOf(stricter);
  }

  private static Map<String, Integer> statuses(Map<String, Answer> answers) {
    Map<String, Integer> statuses = new LinkedHashMap<>();
    answers.forEach((username, answer) -> statuses.put(username, answer.status()));
    return statuses;
  }

  /**
   * The route's gate, from the first collective's own users' requests: the first action one of them
   * was required to hold, or, on a page that only asks and hides what is not permitted, the first
   * it asked.
   */
  private static Gate gate(Map<String, Answer> answers, OrganisationId first, boolean record) {
    Seen best = null;
    for (var answer : answers.entrySet()) {
      if (!answer.getKey().startsWith("rt-own-")) {
        continue;
      }
      List<Seen> seen = answer.getValue().seen();
      Seen candidate =
          seen.stream()
              .filter(Seen::required)
              .findFirst()
              .orElse(seen.isEmpty() ? null : seen.get(0));
      if (candidate != null && (best == null || candidate.required() && !best.required())) {
        best = candidate;
      }
    }
    if (best == null) {
      return null;
    }
    Target target =
        best.target() == null
            ? Target.GLOBAL
            : record && best.target().equals(first) ? Target.RECORD : Target.CALLER;
    return new Gate(best.action(), target, best.required());
  }

  /**
   * Once for both tests: a user of each role in each demo organisation, the crawl as the first
   * collective's own users (the real addresses of its records), and every route filled from it.
   */
  private static synchronized void world() {
    if (concrete != null) {
      return;
    }
    roleUsers = users();
    seed();
    reached = new TreeMap<>();
    for (String own : List.of("rt-own-org_admin", "rt-own-leader", "rt-own-counsellor")) {
      crawl(own, reached);
    }
    Map<String, String> filled = new TreeMap<>();
    unreached = new ArrayList<>();
    for (Route route : ROUTES.values()) {
      String pattern = route.pattern().getPatternString();
      if (PUBLIC.contains(route.key()) || pattern.startsWith("/p/")) {
        continue;
      }
      String path = fill(route, reached);
      if (path != null && ABOUT_A_MEMBER.contains(route.key())) {
        path += "?member=" + rowOf("members");
      }
      if (path != null) {
        filled.put(route.key(), path);
      } else if (!NOT_REACHED.containsKey(route.key())) {
        unreached.add(route.key());
      }
    }
    concrete = filled;
  }

  /**
   * Records the demo world does not make, made for the first collective through the API by a user
   * of its own (not one of the callers): a stakeholder with a contact and an engagement, an
   * enrolment drive, a beneficiary list for a district office, a loan, an incident, health support,
   * a livelihood, a device, a training with its material and a pair of likely duplicates.
   */
  private static void seed() {
    UUID first =
        jdbc.sql("select id from organisation where short_code = 'DGNT'")
            .query(UUID.class)
            .single();
    Fixtures fixtures = app.getAutowireCapableBeanFactory().createBean(Fixtures.class);
    Actor admin = ACTORS.get("demo-admin");
    var office = fixtures.organisation(OrganisationKind.DISTRICT_OFFICE);
    app.getBean(Organisations.class)
        .link(admin, office.id(), LinkKind.LIAISES_WITH, new OrganisationId(first));
    var liaison = fixtures.user(office, Role.DISTRICT_LIAISON);
    jdbc.sql("update app_user set password_hash = :hash where username = :u")
        .param("hash", app.getBean(PasswordEncoder.class).encode(PASSWORD))
        .param("u", liaison.username())
        .update();
    ACTORS.put(liaison.username(), liaison.actor());
    var seeder = fixtures.user(organisation(first), Role.ORG_ADMIN, Role.LEADER, Role.COUNSELLOR);
    app.getBean(Users.class)
        .grant(ACTORS.get("rt-own-org_admin"), seeder.actor().id(), CareAction.INCIDENT, true);
    Http http = new Http(port);
    String token = http.token(seeder.username(), seeder.password());
    java.util.function.BiFunction<String, String, String> post =
        (path, json) -> {
          var answer = http.postJson(path, json, "Authorization", Http.bearer(token));
          assertThat(answer.statusCode()).as(path + " " + answer.body()).isBetween(200, 299);
          return answer.body().contains("\"id\"") ? Json.text(answer.body(), "$.id") : "";
        };
    String member = rowOf("members");
    String schemes = http.get("/api/v1/schemes", "Authorization", Http.bearer(token)).body();
    String pmjdy = (String) Json.list(schemes, "$[?(@.code == 'PMJDY')].id").get(0);
    EntitlementSeeds.make(http, token, post, member, pmjdy, office.id());
    String loan = CareSeeds.loan(post, member);
    post.apply("/api/v1/loans/" + loan + "/repayments", "{\"amount\":\"2500\"}");
    CareSeeds.incident(post, member);
    CareSeeds.healthSupport(post, member);
    post.apply(
        "/api/v1/livelihoods",
        "{\"member\":\"%s\",\"activity\":\"TAILORING\",\"incomeBand\":\"NONE\"}".formatted(member));
    post.apply("/api/v1/devices", "{\"member\":\"%s\",\"kind\":\"SMARTPHONE\"}".formatted(member));
    String training =
        post.apply(
            "/api/v1/trainings",
            "{\"topic\":\"VIDEO_CALLS\",\"trainer\":\"Synthetic trainer\",\"attendance\":[\"%s\"]}"
                .formatted(member));
    var material =
        http.postFile(
            "/api/v1/trainings/" + training + "/material",
            "file",
            "leaflet.pdf",
            "%PDF-1.4\nSynthetic leaflet\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            null,
            "Authorization",
            Http.bearer(token));
    assertThat(material.statusCode()).as(material.body()).isEqualTo(204);
    for (String name : List.of("Synthetic Devi Reddy", "Synthetic Devi Redy")) {
      post.apply(
          "/api/v1/members",
          """
          {"name":"%s","gender":"FEMALE","yearOfBirth":1980,"district":"Guntur",
           "phone":"9000022222","village":"Kothapeta"}
          """
              .formatted(name));
    }
    String scan = post.apply("/api/v1/duplicates/scan", "");
    for (int i = 0; i < 400; i++) {
      var status =
          http.get("/api/v1/duplicates/scans/" + scan, "Authorization", Http.bearer(token));
      if (Json.text(status.body(), "$.status").equals("DONE")) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the duplicate scan did not finish");
  }

  private static org.sahay.organisations.Organisation organisation(UUID id) {
    return app.getBean(Organisations.class).find(new OrganisationId(id)).orElseThrow();
  }

  /**
   * Whether the policy permitted the caller something on the first collective while serving the
   * request (a mentor reads its collective's support requests, a system admin unlocks its users),
   * or the route's other way for the caller's role (a liaison reads the lists sent to its office).
   */
  private static boolean permitted(List<Seen> decisions, OrganisationId first, String route) {
    String other =
        ANOTHER_WAY.get(route.replaceFirst("/api/v1/beneficiary-lists", "/entitlements/lists"));
    return decisions.stream()
        .anyMatch(
            x ->
                x.decision() == AccessPolicy.Decision.PERMIT
                    && (first.equals(x.target()) || x.action().name().equals(other)));
  }

  private static OrganisationId firstCollective() {
    return new OrganisationId(
        jdbc.sql("select id from organisation where short_code = 'DGNT'")
            .query(UUID.class)
            .single());
  }

  /** The first collective's members' names, as its own admin reads them through the API. */
  private static Set<String> names() {
    Http http = new Http(port);
    String token = http.token("rt-own-org_admin", PASSWORD);
    String list = http.get("/api/v1/members?size=200", "Authorization", Http.bearer(token)).body();
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(list);
    while (m.find()) {
      if (m.group(1).contains(" ")) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** A user of each role in each demo organisation, with a known password. */
  private static Map<String, String> users() {
    Users users = app.getBean(Users.class);
    UUID adminId =
        jdbc.sql("select id from app_user where username = 'demo-admin'")
            .query(UUID.class)
            .single();
    Actor admin =
        new Actor(
            new org.sahay.platform.UserId(adminId), "demo-admin", null, Set.of(Role.SYSTEM_ADMIN));
    Map<String, String> made = new LinkedHashMap<>();
    // The system admin too, with a password the test knows.
    jdbc.sql("update app_user set password_hash = :hash where id = :id")
        .param("hash", app.getBean(PasswordEncoder.class).encode(PASSWORD))
        .param("id", adminId)
        .update();
    ACTORS.put("demo-admin", admin);
    Map<String, List<Role>> places =
        Map.of(
            "own:DGNT", List.of(Role.ORG_ADMIN, Role.LEADER, Role.COUNSELLOR),
            "other:DNDA", List.of(Role.ORG_ADMIN, Role.LEADER, Role.COUNSELLOR),
            "mentor:DMNT", List.of(Role.ORG_ADMIN, Role.MENTOR_STAFF),
            "funder:DFND", List.of(Role.ORG_ADMIN, Role.FUNDER_VIEWER),
            "network:DNWK", List.of(Role.ORG_ADMIN, Role.MENTOR_STAFF));
    for (var place : places.entrySet()) {
      String[] parts = place.getKey().split(":");
      UUID org =
          jdbc.sql("select id from organisation where short_code = :c")
              .param("c", parts[1])
              .query(UUID.class)
              .single();
      for (Role role : place.getValue()) {
        String username = "rt-" + parts[0] + "-" + role.name().toLowerCase(java.util.Locale.ROOT);
        var outcome =
            users.create(
                admin, new OrganisationId(org), username, PASSWORD, Set.of(role), Language.EN);
        assertThat(outcome).as(username).isInstanceOf(Users.Outcome.Done.class);
        made.put(username, parts[1]);
        ACTORS.put(
            username,
            new Actor(
                ((Users.Outcome.Done) outcome).id(),
                username,
                new OrganisationId(org),
                Set.of(role)));
      }
    }
    return made;
  }

  private static void crawl(String username, Map<String, Set<String>> reached) {
    Http http = new Http(port);
    http.signIn(username, PASSWORD);
    String token = http.token(username, PASSWORD);
    Deque<String> queue = new ArrayDeque<>(List.of("/"));
    Set<String> seen = new LinkedHashSet<>();
    while (!queue.isEmpty() && seen.size() < 1500) {
      String path = queue.poll();
      if (!seen.add(path) || skipped(path)) {
        continue;
      }
      Route route = matching("GET", path);
      if (route == null) {
        continue;
      }
      Set<String> urls = reached.computeIfAbsent(route.key(), k -> new LinkedHashSet<>());
      if (urls.size() >= 3) {
        continue;
      }
      boolean api = path.startsWith("/api/");
      HttpResponse<String> answer =
          api ? http.get(path, "Authorization", Http.bearer(token)) : http.get(path);
      if (answer.statusCode() != 200 || answer.body() == null) {
        continue;
      }
      urls.add(path);
      Matcher links = HREF.matcher(answer.body());
      while (links.find()) {
        queue.add(links.group(1).replace("&amp;", "&"));
      }
      if (api) {
        // A list answer names its records: try each as a record of the same collection.
        Matcher ids = ID.matcher(answer.body());
        String base = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        while (ids.find()) {
          queue.add(base + "/" + ids.group(1));
        }
      }
    }
    // The API's lists, which no page links to.
    for (Route route : ROUTES.values()) {
      String pattern = route.pattern().getPatternString();
      if (route.method().equals("GET") && pattern.startsWith("/api/") && !pattern.contains("{")) {
        queue.add(pattern);
      }
    }
    if (!queue.isEmpty() && seen.size() < 1500) {
      for (String next : queue) {
        if (!seen.contains(next) && next.startsWith("/api/")) {
          HttpResponse<String> answer = http.get(next, "Authorization", Http.bearer(token));
          Route route = matching("GET", next);
          if (route != null && answer.statusCode() == 200) {
            reached.computeIfAbsent(route.key(), k -> new LinkedHashSet<>()).add(next);
            Matcher ids = ID.matcher(answer.body());
            int n = 0;
            while (ids.find() && n++ < 3) {
              String record = next + "/" + ids.group(1);
              Route recordRoute = matching("GET", record);
              if (recordRoute != null
                  && http.get(record, "Authorization", Http.bearer(token)).statusCode() == 200) {
                reached.computeIfAbsent(recordRoute.key(), k -> new LinkedHashSet<>()).add(record);
              }
            }
          }
        }
      }
    }
  }

  private static boolean skipped(String path) {
    return path.startsWith("/logout")
        || path.startsWith("/quick-exit")
        || path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/img/")
        || path.startsWith("/webjars/")
        || path.startsWith("/p/")
        || path.startsWith("/actuator");
  }

  private static Route matching(String method, String path) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    PathContainer container = PathContainer.parsePath(bare);
    Route best = null;
    for (Route route : ROUTES.values()) {
      if (route.method().equals(method) && route.pattern().matches(container)) {
        if (best == null
            || PathPattern.SPECIFICITY_COMPARATOR.compare(route.pattern(), best.pattern()) < 0) {
          best = route;
        }
      }
    }
    return best;
  }

  /**
   * The route's path with each variable taken from a reached address whose route has the same path
   * up to that variable (an API route may borrow from the page of the same record).
   */
  private static String fill(Route route, Map<String, Set<String>> reached) {
    String pattern = route.pattern().getPatternString();
    if (!pattern.contains("{") && !pattern.contains("*")) {
      return pattern;
    }
    if (pattern.contains("*")) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    String[] segments = pattern.split("/");
    for (int i = 0; i < segments.length; i++) {
      if (!segments[i].startsWith("{")) {
        continue;
      }
      String prefix = String.join("/", java.util.Arrays.copyOf(segments, i + 1));
      String value = valueFor(prefix, segments[i], reached);
      if (value == null && i > 0) {
        value = rowOf(segments[i - 1]);
      }
      if (value == null) {
        return null;
      }
      values.put(segments[i], value);
    }
    return filled(pattern, values);
  }

  /** Tables whose name is not the path segment made singular. */
  private static final Map<String, String> TABLES =
      Map.of(
          "users", "app_user",
          "support", "support_request",
          "lists", "beneficiary_list",
          "exports", "export_job",
          "contacts", "stakeholder_contact",
          "members", "member",
          "lines", "support_request_line",
          "merges", "member_merge",
          "rounds", "distribution_round");

  /**
   * The id of one of the first collective's rows of the table the segment names (members, loans,
   * beneficiary-lists: member, loan, beneficiary_list), for records no page of the demo world links
   * to; null when there is no such table or row.
   */
  private static String rowOf(String segment) {
    String table = TABLES.get(segment);
    if (table == null) {
      String snake = segment.replace('-', '_');
      table =
          snake.endsWith("ies")
              ? snake.substring(0, snake.length() - 3) + "y"
              : snake.endsWith("s") ? snake.substring(0, snake.length() - 1) : snake;
    }
    long columns =
        jdbc.sql(
                "select count(*) from information_schema.columns where table_schema = 'public'"
                    + " and table_name = :t and column_name in ('id', 'organisation_id')")
            .param("t", table)
            .query(Long.class)
            .single();
    if (columns < 2) {
      return null;
    }
    return jdbc
        .sql(
            "select id from "
                + table
                + " where organisation_id = (select id from organisation where short_code ="
                + " 'DGNT') order by id")
        .query((rs, n) -> rs.getString(1))
        .list()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static String valueFor(String prefix, String variable, Map<String, Set<String>> reached) {
    String page = prefix.startsWith("/api/v1/") ? prefix.substring("/api/v1".length()) : prefix;
    for (var entry : reached.entrySet()) {
      String other = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
      for (String candidate : List.of(prefix, page)) {
        String[] mine = candidate.split("/");
        String[] theirs = other.split("/");
        if (theirs.length < mine.length || !sameShape(mine, theirs)) {
          continue;
        }
        for (String url : entry.getValue()) {
          String bare = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
          String[] parts = bare.split("/");
          if (parts.length >= mine.length) {
            return parts[mine.length - 1];
          }
        }
      }
    }
    return null;
  }

  /** The same literal segments, and a variable wherever the other has one, up to mine's end. */
  private static boolean sameShape(String[] mine, String[] theirs) {
    for (int i = 0; i < mine.length; i++) {
      boolean variable = mine[i].startsWith("{");
      if (variable != theirs[i].startsWith("{") || (!variable && !mine[i].equals(theirs[i]))) {
        return false;
      }
    }
    return true;
  }

  private static String filled(String pattern, Map<String, String> values) {
    String path = pattern;
    for (var value : values.entrySet()) {
      path = path.replace(value.getKey(), value.getValue());
    }
    return path.replaceAll("\\{[^}]*}", UUID.randomUUID().toString()).replace("/**", "/x");
  }

  /** Every table but those a refused request may write to (audit, sessions, sign-in counts). */
  private static String fingerprint() {
    Set<String> volatileTables = org.sahay.RefusedWrites.WITH_SIGN_INS;
    StringBuilder all = new StringBuilder();
    for (String table :
        new TreeSet<>(
            jdbc.sql(
                    "select table_name from information_schema.tables where table_schema ="
                        + " 'public' and table_type = 'BASE TABLE'")
                .query(String.class)
                .list())) {
      if (volatileTables.contains(table.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      // Of a table that names organisations, the first collective's rows: an outsider's first
      // visit may set up its own organisation's ledger, which is no break-in.
      boolean scoped =
          jdbc.sql(
                      "select count(*) from information_schema.columns where table_schema ="
                          + " 'public' and table_name = :t and column_name = 'organisation_id'")
                  .param("t", table)
                  .query(Long.class)
                  .single()
              > 0;
      List<String> rows = new ArrayList<>();
      for (Map<String, Object> row :
          jdbc.sql(
                  "select * from "
                      + table
                      + (scoped
                          ? " where organisation_id = (select id from organisation where"
                              + " short_code = 'DGNT')"
                          : ""))
              .query()
              .listOfRows()) {
        StringBuilder line = new StringBuilder();
        row.forEach(
            (column, value) ->
                line.append(column)
                    .append('=')
                    .append(
                        value instanceof byte[] bytes
                            ? java.util.HexFormat.of().formatHex(bytes)
                            : String.valueOf(value))
                    .append(';'));
        rows.add(line.toString());
      }
      java.util.Collections.sort(rows);
      all.append(table).append(':').append(rows.size()).append(':').append(rows.hashCode());
      all.append('\n');
    }
    return all.toString();
  }
}
