package org.sahay.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.sahay.Http;
import org.sahay.SahayApplication;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.access.Users;
import org.sahay.care.CareAction;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every JSON body and every uploaded document the API takes, made by Jazzer and sent to the running
 * application (demo world, H2) as an admin, leader and counsellor of the first demo collective. A
 * body is either raw text or an object shaped after the route's own body type (its record's fields,
 * typed values at their edges, real ids of the collective's records, other collectives' ids, wrong
 * types); a document is any bytes, sent as the route's file. A finding is: an answer of 500 or
 * more, no answer within 20 s, or a refused request (4xx) after which any table holds another
 * number of rows than before (a partial write). Without {@code JAZZER_FUZZ} each target runs once
 * over its saved inputs as an ordinary test; {@code .ci/run} fuzzes each for a bounded time
 * (docs/security.md).
 */
class ApiFuzzTest {

  private static final Set<String> VOLATILE = org.sahay.RefusedWrites.TABLES;

  /** The route's body or file, found in its handler. */
  record Target(String method, String path, Type body, boolean file) {}

  /** The running application, started once for both targets. */
  private static final class App {
    static final App INSTANCE = new App();

    final ConfigurableApplicationContext context;
    final JdbcClient jdbc;
    final Http http;
    final String token;

    /** The fuzzing user's own page session, and its CSRF token, for adding passkeys. */
    final Http pages;

    final String pagesCsrf;
    final int port;
    final List<Target> json = new ArrayList<>();
    final List<Target> files = new ArrayList<>();
    final Map<String, List<String>> idsByTable = new TreeMap<>();
    final List<String> ids = new ArrayList<>();
    final List<String> tables;

    App() {
      SpringApplication application = new SpringApplication(SahayApplication.class);
      application.setAdditionalProfiles("test");
      context =
          application.run(
              "--server.port=0",
              "--sahay.demo=true",
              "--spring.datasource.url=jdbc:h2:mem:fuzz-"
                  + UUID.randomUUID()
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                  + "DB_CLOSE_DELAY=-1",
              "--sahay.data-dir=target/api-fuzz-data",
              "--spring.jmx.enabled=false",
              "--logging.level.root=WARN");
      port = ((WebServerApplicationContext) context).getWebServer().getPort();
      jdbc = context.getBean(JdbcClient.class);
      UUID first =
          jdbc.sql("select id from organisation where short_code = 'DGNT'")
              .query(UUID.class)
              .single();
      UUID adminId =
          jdbc.sql("select id from app_user where username = 'demo-admin'")
              .query(UUID.class)
              .single();
      Users users = context.getBean(Users.class);
      Actor systemAdmin =
          new Actor(
              new org.sahay.platform.UserId(adminId),
              "demo-admin",
              null,
              Set.of(Role.SYSTEM_ADMIN));
      String password = "api fuzz pass 42";
      var made =
          users.create(
              systemAdmin,
              new OrganisationId(first),
              "fuzz-own-admin",
              password,
              Set.of(Role.ORG_ADMIN, Role.LEADER, Role.COUNSELLOR),
              Language.EN);
      if (!(made instanceof Users.Outcome.Done done)) {
        throw new IllegalStateException("the fuzzing user was refused: " + made);
      }
      Actor self =
          new Actor(
              done.id(),
              "fuzz-own-admin",
              new OrganisationId(first),
              Set.of(Role.ORG_ADMIN, Role.LEADER, Role.COUNSELLOR));
      users.grant(self, done.id(), CareAction.INCIDENT, true);
      http = new Http(port);
      token = http.token("fuzz-own-admin", password);
      pages = new Http(port);
      pages.signIn("fuzz-own-admin", password);
      pagesCsrf = pages.csrf("/account");

      var mappings =
          context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
      for (var entry : mappings.getHandlerMethods().entrySet()) {
        RequestMappingInfo info = entry.getKey();
        HandlerMethod handler = entry.getValue();
        if (info.getPathPatternsCondition() == null) {
          continue;
        }
        for (var pattern : info.getPathPatternsCondition().getPatternValues()) {
          if (!pattern.startsWith("/api/")) {
            continue;
          }
          for (var method : info.getMethodsCondition().getMethods()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
              if (parameter.hasParameterAnnotation(RequestBody.class)) {
                json.add(
                    new Target(method.name(), pattern, parameter.getGenericParameterType(), false));
              } else if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                files.add(new Target(method.name(), pattern, null, true));
              }
            }
          }
        }
      }
      json.sort(java.util.Comparator.comparing(t -> t.method() + t.path()));
      files.sort(java.util.Comparator.comparing(t -> t.method() + t.path()));
      tables =
          jdbc
              .sql(
                  "select table_name from information_schema.tables where table_schema = 'public'"
                      + " and table_type = 'BASE TABLE' order by table_name")
              .query(String.class)
              .list()
              .stream()
              .map(t -> t.toLowerCase(Locale.ROOT))
              .filter(t -> !VOLATILE.contains(t))
              .toList();
      for (String table : tables) {
        boolean scoped =
            jdbc.sql(
                        "select count(*) from information_schema.columns where table_schema ="
                            + " 'public' and table_name = :t and column_name = 'organisation_id'")
                    .param("t", table)
                    .query(Long.class)
                    .single()
                > 0;
        boolean hasId =
            jdbc.sql(
                        "select count(*) from information_schema.columns where table_schema ="
                            + " 'public' and table_name = :t and column_name = 'id'")
                    .param("t", table)
                    .query(Long.class)
                    .single()
                > 0;
        if (!hasId) {
          continue;
        }
        List<String> found =
            jdbc.sql(
                    "select cast(id as varchar(64)) from "
                        + table
                        + (scoped ? " where organisation_id = :org" : "")
                        + " order by id fetch first 20 rows only")
                .params(scoped ? Map.of("org", first) : Map.of())
                .query(String.class)
                .list();
        if (!found.isEmpty()) {
          idsByTable.put(table, found);
          ids.addAll(found);
        }
      }
      // Other organisations' ids, which a body must never reach through.
      ids.addAll(
          jdbc.sql("select cast(id as varchar(64)) from organisation").query(String.class).list());
    }

    Map<String, Long> counts() {
      Map<String, Long> counts = new TreeMap<>();
      for (String table : tables) {
        counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
      }
      return counts;
    }
  }

  @FuzzTest(maxDuration = "30s")
  void jsonBody(FuzzedDataProvider data) {
    try (var local = toThisMachineOnly()) {
      jsonBody(App.INSTANCE, data);
    }
  }

  private static void jsonBody(App app, FuzzedDataProvider data) {
    Target target = data.pickValue(app.json);
    String path = filled(app, target.path(), data);
    String body =
        data.consumeBoolean()
            ? data.consumeString(2_000)
            : json(app, target.body(), data, 0).toString();
    List<String> headers = new ArrayList<>(List.of("Authorization", Http.bearer(app.token)));
    if (data.consumeBoolean()) {
      headers.addAll(List.of("Idempotency-Key", "fuzz-" + data.consumeInt(0, 3)));
    }
    sent(
        app,
        target,
        path,
        () -> app.http.send(target.method(), path, body, headers.toArray(String[]::new)));
  }

  /**
   * A browser's answer to a passkey ceremony, after a real challenge: adding a passkey (the fuzzing
   * user's own session) or signing in with one (a new visitor). Raw text, or the shape {@code
   * /js/passkeys.js} sends with fuzzed fields.
   */
  @FuzzTest(maxDuration = "30s")
  void passkeyAnswer(FuzzedDataProvider data) {
    try (var local = toThisMachineOnly()) {
      passkeyAnswer(App.INSTANCE, data);
    }
  }

  private static void passkeyAnswer(App app, FuzzedDataProvider data) {
    boolean adding = data.consumeBoolean();
    boolean raw = data.consumeBoolean();
    String credential =
        "{\"id\":"
            + quoted(data.consumeString(60))
            + ",\"rawId\":"
            + base64(data)
            + ",\"type\":"
            + quoted(data.consumeBoolean() ? "public-key" : data.consumeString(20))
            + ",\"response\":{"
            + (adding
                ? "\"attestationObject\":"
                    + base64(data)
                    + ",\"transports\":["
                    + quoted(data.consumeString(10))
                    + "]"
                : "\"authenticatorData\":"
                    + base64(data)
                    + ",\"signature\":"
                    + base64(data)
                    + ",\"userHandle\":"
                    + base64(data))
            + ",\"clientDataJSON\":"
            + base64(data)
            + "},\"clientExtensionResults\":{}}";
    String body =
        raw
            ? data.consumeString(2_000)
            : adding
                ? "{\"publicKey\":{\"label\":"
                    + quoted(data.consumeString(80))
                    + ",\"credential\":"
                    + credential
                    + "}}"
                : credential;
    if (adding) {
      app.pages.send("POST", "/account/passkeys/options", null, "X-XSRF-TOKEN", app.pagesCsrf);
      sent(
          app,
          new Target("POST", "/account/passkeys", String.class, false),
          "/account/passkeys",
          () -> app.pages.postJson("/account/passkeys", body, "X-XSRF-TOKEN", app.pagesCsrf));
    } else {
      Http visitor = new Http(app.port);
      String csrf = visitor.csrf("/login");
      visitor.send("POST", "/webauthn/authenticate/options", null, "X-XSRF-TOKEN", csrf);
      sent(
          app,
          new Target("POST", "/login/webauthn", String.class, false),
          "/login/webauthn",
          () -> visitor.postJson("/login/webauthn", body, "X-XSRF-TOKEN", csrf));
    }
  }

  /** Fuzzed bytes as base64url, as browsers' answers carry them; sometimes not base64 at all. */
  private static String base64(FuzzedDataProvider data) {
    if (data.consumeInt(0, 9) == 0) {
      return quoted(data.consumeString(20));
    }
    return quoted(
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(data.consumeBytes(data.consumeInt(0, 300))));
  }

  @FuzzTest(maxDuration = "30s")
  void document(FuzzedDataProvider data) {
    try (var local = toThisMachineOnly()) {
      document(App.INSTANCE, data);
    }
  }

  /** The requests go to the application under test, on this machine, and nowhere else. */
  private static com.code_intelligence.jazzer.api.SilentCloseable toThisMachineOnly() {
    return com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections(
        (host, port) -> host.equals("localhost"));
  }

  private static void document(App app, FuzzedDataProvider data) {
    Target target = data.pickValue(app.files);
    String path = filled(app, target.path(), data);
    String name = data.consumeString(40);
    byte[] content = data.consumeRemainingAsBytes();
    sent(
        app,
        target,
        path,
        () ->
            app.http.postFile(
                path,
                "file",
                name.isBlank() ? "upload" : name,
                content,
                null,
                "Authorization",
                Http.bearer(app.token)));
  }

  /** Sends the request; a server error, a hang or a refused request that wrote is a finding. */
  private static void sent(
      App app,
      Target target,
      String path,
      java.util.function.Supplier<HttpResponse<String>> request) {
    Map<String, Long> before = app.counts();
    HttpResponse<String> answer;
    try {
      answer =
          java.util.concurrent.CompletableFuture.supplyAsync(request)
              .get(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(target.method() + " " + target.path() + " gave no answer in 20 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    int status = answer.statusCode();
    if (status >= 500) {
      throw new AssertionError(target.method() + " " + target.path() + " answered " + status);
    }
    if (status >= 400) {
      Map<String, Long> after = app.counts();
      if (!after.equals(before)) {
        List<String> changed = new ArrayList<>();
        before.forEach(
            (table, count) -> {
              if (!count.equals(after.get(table))) {
                changed.add(table + " " + count + " -> " + after.get(table));
              }
            });
        throw new AssertionError(
            target.method()
                + " "
                + target.path()
                + " refused ("
                + status
                + ") but wrote: "
                + changed);
      }
    }
  }

  /** The route's path, each variable a record id of the table it names, any id, or junk. */
  private static String filled(App app, String pattern, FuzzedDataProvider data) {
    StringBuilder path = new StringBuilder();
    String previous = "";
    for (String segment : pattern.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      path.append('/');
      if (!segment.startsWith("{")) {
        path.append(segment);
        previous = segment;
        continue;
      }
      List<String> own = app.idsByTable.get(table(previous));
      String value =
          switch (data.consumeInt(0, 3)) {
            case 0, 1 -> own != null ? data.pickValue(own) : data.pickValue(app.ids);
            case 2 -> data.pickValue(app.ids);
            default ->
                java.net.URLEncoder.encode(
                    data.consumeString(40), java.nio.charset.StandardCharsets.UTF_8);
          };
      path.append(value.isEmpty() ? "x" : value);
    }
    return path.toString();
  }

  /** The table a path segment names: loans, loan; beneficiary-lists, beneficiary_list. */
  private static String table(String segment) {
    String snake = segment.replace('-', '_');
    return switch (snake) {
      case "support_requests" -> "support_request";
      case "distribution_rounds" -> "distribution_round";
      case "counselling_sessions" -> "counselling_session";
      default ->
          snake.endsWith("ies")
              ? snake.substring(0, snake.length() - 3) + "y"
              : snake.endsWith("s") ? snake.substring(0, snake.length() - 1) : snake;
    };
  }

  /** A JSON value shaped after {@code type}, at its edges, sometimes of another type. */
  private static CharSequence json(App app, Type type, FuzzedDataProvider data, int depth) {
    if (depth > 3 || data.remainingBytes() == 0) {
      return "null";
    }
    if (data.consumeInt(0, 15) == 0) {
      // Another type than the field's.
      return switch (data.consumeInt(0, 4)) {
        case 0 -> "null";
        case 1 -> quoted(data.consumeString(30));
        case 2 -> "[]";
        case 3 -> "{}";
        default -> String.valueOf(data.consumeLong());
      };
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (Collection.class.isAssignableFrom(raw)) {
        StringBuilder array = new StringBuilder("[");
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
          array.append(i == 0 ? "" : ",");
          array.append(json(app, parameterized.getActualTypeArguments()[0], data, depth + 1));
        }
        return array.append(']');
      }
      if (Map.class.isAssignableFrom(raw)) {
        StringBuilder object = new StringBuilder("{");
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
          object.append(i == 0 ? "" : ",").append(quoted(data.consumeString(20))).append(':');
          object.append(json(app, parameterized.getActualTypeArguments()[1], data, depth + 1));
        }
        return object.append('}');
      }
      return json(app, raw, data, depth);
    }
    if (!(type instanceof Class<?> c)) {
      return quoted(data.consumeString(30));
    }
    if (c == String.class) {
      return switch (data.consumeInt(0, 5)) {
        case 0 -> quoted(data.pickValue(app.ids));
        case 1 ->
            quoted(LocalDate.of(2026, 1, 1).plusDays(data.consumeInt(-4000, 4000)).toString());
        case 2 -> quoted(String.valueOf(data.consumeLong()));
        case 3 -> quoted("9".repeat(data.consumeInt(1, 400)) + (data.consumeBoolean() ? ".5" : ""));
        default -> quoted(data.consumeString(200));
      };
    }
    if (c == int.class
        || c == Integer.class
        || c == long.class
        || c == Long.class
        || c == short.class
        || c == Short.class) {
      return String.valueOf(
          data.consumeBoolean() ? data.consumeInt(-5, 1_000) : data.consumeLong());
    }
    if (c == boolean.class || c == Boolean.class) {
      return String.valueOf(data.consumeBoolean());
    }
    if (c == double.class || c == Double.class || c == java.math.BigDecimal.class) {
      return switch (data.consumeInt(0, 3)) {
        case 0 -> "1e" + data.consumeInt(-99999, 99999);
        case 1 -> String.valueOf(data.consumeDouble());
        default -> String.valueOf(data.consumeInt(-1_000_000, 1_000_000));
      };
    }
    if (c == LocalDate.class) {
      return data.consumeBoolean()
          ? quoted(LocalDate.of(2026, 1, 1).plusDays(data.consumeInt(-100_000, 100_000)).toString())
          : quoted(data.consumeString(12));
    }
    if (c == UUID.class) {
      return quoted(data.consumeBoolean() ? data.pickValue(app.ids) : data.consumeString(40));
    }
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return quoted(
          data.consumeBoolean() && constants.length > 0
              ? constants[data.consumeInt(0, constants.length - 1)].toString()
              : data.consumeString(20));
    }
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      if (components.length == 1
          && (components[0].getType() == UUID.class || components[0].getType() == String.class)
          && c.getSimpleName().endsWith("Id")) {
        // A typed id (MemberId, SupportRequestId): written as its value.
        return quoted(data.consumeBoolean() ? data.pickValue(app.ids) : data.consumeString(40));
      }
      StringBuilder object = new StringBuilder("{");
      boolean firstField = true;
      for (RecordComponent component : components) {
        if (data.consumeInt(0, 5) == 0) {
          continue;
        }
        object.append(firstField ? "" : ",").append(quoted(component.getName())).append(':');
        object.append(json(app, component.getGenericType(), data, depth + 1));
        firstField = false;
      }
      return object.append('}');
    }
    return quoted(data.consumeString(40));
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
