package org.sahay.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Pdfs;
import org.sahay.access.Role;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SheetPdfIntegrationTest extends IntegrationTest {

  private static final int RECIPIENTS = 60;

  @Autowired private JdbcClient jdbc;

  private Organisation teluguCollective() {
    Organisation collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    jdbc.sql("update organisation set default_language = 'te' where id = :id")
        .param("id", collective.id().value())
        .update();
    return collective;
  }

  private static Http browser(Http http, Fixtures.TestUser user) {
    http.signIn(user.username(), user.password());
    return http;
  }

  @Test
  void theSheetPdfHasOneRowPerRecipientOverSeveralPagesWithTheHeaderOnEachAndIsNotForOthers() {
    Organisation collective = teluguCollective();
    var leader = fixtures.user(collective, Role.LEADER);
    Relief relief = new Relief(http(), http().token(leader.username(), leader.password()));
    String kit = relief.item("Ration kit", "KIT");
    String office = relief.location("Office");
    relief.receive(office, kit, String.valueOf(RECIPIENTS + 5), null);
    String round = relief.round(office, kit, "1", "ANYONE_AT_SITE", "ONCE_PER_PERSON");
    Relief.created(relief.give(round, "{\"memberId\":\"%s\"}".formatted(relief.member("Padma"))));
    for (int i = 2; i <= RECIPIENTS; i++) {
      Relief.created(
          relief.give(
              round,
              "{\"recipient\":{\"name\":\"Recipient %03d\",\"notDuplicate\":true}}".formatted(i)));
    }
    Http browser = browser(http(), leader);
    assertThat(browser.get("/relief/rounds/" + round + "/sheet").body())
        .contains("href=\"/relief/rounds/" + round + "/sheet.pdf\"");

    var response = browser.getBytes("/relief/rounds/" + round + "/sheet.pdf");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .isEqualTo("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"sheet-ration-round.pdf\"");
    assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
    byte[] pdf = response.body();
    assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    int pages = Pdfs.pages(pdf);
    assertThat(pages).isGreaterThanOrEqualTo(3);
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= pages; page++) {
      // Telugu headings are shaped, so they are read from the ActualText of their runs.
      assertThat(Pdfs.actualText(pdf, page))
          .as("page %d", page)
          .contains("సంతకం లేదా వేలిముద్ర")
          .contains("పేజీ " + page + ", మొత్తం " + pages);
      assertThat(Pdfs.fonts(pdf, page).keySet())
          .anyMatch(name -> name.matches("[A-Z]{6}\\+NotoSansTelugu-Regular"));
      all.append(Pdfs.pageText(pdf, page)).append('\n');
    }
    String text = all.toString();
    assertThat(text).contains("Padma").contains(leader.username());
    for (int i = 2; i <= RECIPIENTS; i++) {
      String name = "Recipient %03d".formatted(i);
      assertThat(text.indexOf(name)).as(name).isNotNegative();
      assertThat(text.indexOf(name)).as(name + " once").isEqualTo(text.lastIndexOf(name));
    }

    var stranger =
        browser(http(), fixtures.user(teluguCollective(), Role.LEADER))
            .get("/relief/rounds/" + round + "/sheet.pdf");
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(stranger.body()).doesNotContain("Padma").doesNotContain("%PDF");
  }
}
