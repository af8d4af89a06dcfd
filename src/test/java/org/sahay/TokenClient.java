package org.sahay;

import java.net.http.HttpResponse;

/** API calls with one user's bearer token, for tests; modules' clients add their own calls. */
public class TokenClient {

  protected final Http http;
  protected final String token;

  public TokenClient(Http http, String token) {
    this.http = http;
    this.token = token;
  }

  public HttpResponse<String> get(String path) {
    return http.get(path, "Authorization", Http.bearer(token));
  }

  public HttpResponse<byte[]> getBytes(String path) {
    return http.getBytes(path, "Authorization", Http.bearer(token));
  }

  public HttpResponse<String> post(String path, String json, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = Http.bearer(token);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http.postJson(path, json, all);
  }

  public HttpResponse<String> put(String path, String json) {
    return http.send("PUT", path, json, "Authorization", Http.bearer(token));
  }

  public HttpResponse<String> delete(String path) {
    return http.send("DELETE", path, null, "Authorization", Http.bearer(token));
  }

  /** Erases a member (the caller must be an admin of her collective); answers the status. */
  public int erase(String member) {
    return delete("/api/v1/members/" + member + "?reason=MEMBER_REQUEST").statusCode();
  }
}
