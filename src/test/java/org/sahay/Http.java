package org.sahay;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small browser for tests: keeps cookies, never follows redirects, finds CSRF tokens in pages.
 */
public final class Http {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient client;

  public Http(int port) {
    this.port = port;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  /** Posts a form; adds the CSRF token of {@code csrfFrom} (a page) unless it is null. */
  public HttpResponse<String> postForm(
      String path, Map<String, String> fields, String csrfFrom, String... headers) {
    return send(formPost(path, fields, csrfFrom), headers);
  }

  /** Posts a form whose answer is a file, kept as bytes. */
  public HttpResponse<byte[]> postFormBytes(
      String path, Map<String, String> fields, String csrfFrom) {
    return send(formPost(path, fields, csrfFrom), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder formPost(String path, Map<String, String> fields, String csrfFrom) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrfFrom != null) {
      all.put("_csrf", csrf(csrfFrom));
    }
    String body =
        all.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  public HttpResponse<String> postJson(String path, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        headers);
  }

  /** Uploads one file as multipart/form-data, with the CSRF token of a page in the query. */
  public HttpResponse<String> postFile(
      String path,
      String field,
      String fileName,
      byte[] content,
      String csrfFrom,
      String... headers) {
    String boundary = "----sahay" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String target =
        path
            + (csrfFrom == null
                ? ""
                : (path.contains("?") ? "&" : "?") + "_csrf=" + enc(csrf(csrfFrom)));
    return send(
        HttpRequest.newBuilder(uri(target))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
        headers);
  }

  /** Posts raw bytes with their content type. */
  public HttpResponse<String> postBytes(
      String path, String contentType, byte[] content, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(content)),
        headers);
  }

  /** Any method with an optional JSON body. */
  public HttpResponse<String> send(String method, String path, String json, String... headers) {
    var body =
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json);
    var builder = HttpRequest.newBuilder(uri(path)).method(method, body);
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder, headers);
  }

  /** Signs in through the login form; returns the response to the form post. */
  public HttpResponse<String> signIn(String username, String password) {
    return postForm("/login", Map.of("username", username, "password", password), "/login");
  }

  public String csrf(String pagePath) {
    Matcher m = CSRF.matcher(get(pagePath).body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + pagePath);
    }
    return m.group(1);
  }

  public String token(String username, String password) {
    var response =
        postJson(
            "/api/v1/tokens", "{\"name\":\"test\"}", "Authorization", basic(username, password));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("token refused: " + response.statusCode());
    }
    Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
    m.find();
    return m.group(1);
  }

  public static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** A GET whose body is kept as bytes, for PDFs and other files. */
  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path)).GET(), HttpResponse.BodyHandlers.ofByteArray(), headers);
  }

  private HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
    return send(builder, HttpResponse.BodyHandlers.ofString(), headers);
  }

  private <T> HttpResponse<T> send(
      HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(builder.build(), body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
