package org.sahay.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sahay.Http;

/** Funds API calls with one user's token, for tests; synthetic data only. */
public final class FundsClient {

  private final Http http;
  private final String token;

  public FundsClient(Http http, String token) {
    this.http = http;
    this.token = token;
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = Http.bearer(token);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http.postJson(path, json, all);
  }

  HttpResponse<String> get(String path, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = Http.bearer(token);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http.get(path, all);
  }

  /** A restricted campaign; returns its id. */
  public String campaign(String slugPrefix, boolean foreign) {
    var response =
        post(
            "/api/v1/campaigns",
            """
            {"name":"Lockdown ration drive","goal":"5,00,000","startsOn":"2025-04-01",
             "endsOn":"2026-03-31","partners":["National forum","Digital agency"],
             "channel":"CROWDFUNDING_PLATFORM","beneficiaryGroup":"migrant workers",
             "slug":"%s-%d","transparency":true,"foreignContribution":%s}
            """
                .formatted(slugPrefix, System.nanoTime(), foreign));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return field(response.body(), "id");
  }

  /** A bank account; returns its id. */
  String bankAccount(boolean fcra) {
    var response =
        post(
            "/api/v1/ledger/accounts",
            "{\"name\":\""
                + (fcra ? "FCRA account" : "Savings account")
                + "\",\"fcra\":"
                + fcra
                + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return field(response.body(), "id");
  }

  public HttpResponse<String> donate(String campaign, long paise, String date) {
    return post(
        "/api/v1/campaigns/" + campaign + "/donations",
        """
        {"amountPaise":%d,"receivedOn":"%s","channel":"CASH","donorName":"Asha Testdonor",
         "donorContact":"asha@example.org"}
        """
            .formatted(paise, date));
  }

  /** The fund of a campaign. */
  public String fundOf(String campaign) {
    return field(get("/api/v1/campaigns/" + campaign).body(), "fundId");
  }

  public HttpResponse<String> expense(String fund, long paise) {
    return post(
        "/api/v1/expenses",
        """
        {"fundId":"%s","category":"FOOD_AND_RATIONS","payee":"Kirana store","amountPaise":%d,
         "spentOn":"2025-06-01","bought":"ration kits","peopleReached":4}
        """
            .formatted(fund, paise));
  }

  /** An expense paid from a named cash or bank account. */
  HttpResponse<String> expenseFrom(String fund, String account, long paise) {
    return post(
        "/api/v1/expenses",
        """
        {"fundId":"%s","accountId":"%s","category":"FOOD_AND_RATIONS","payee":"Kirana store",
         "amountPaise":%d,"spentOn":"2025-06-01","bought":"ration kits","peopleReached":4}
        """
            .formatted(fund, account, paise));
  }

  long trialBalance(String which) {
    return longField(get("/api/v1/ledger/trial-balance").body(), which);
  }

  public static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static long longField(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return Long.parseLong(m.group(1));
  }
}
