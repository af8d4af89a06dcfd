package org.sahay.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.access.Users;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.NewOrganisation;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.platform.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo: a collective in Guntur (Andhra Pradesh) and one in Nadia
 * (West Bengal), their mentor, a funder and a network, and a user of each with a password printed
 * in the log, since a demo is for trying. Runs before the first-run set-up would announce itself;
 * on a database with users but no demo in it, stops the start, so that real data never mixes with
 * fictional people.
 */
@Component
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final String GUNTUR = "DGNT";
  private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

  /** Name, kind, state, district, language and short code of each demo organisation. */
  private static final List<String[]> ORGANISATIONS =
      List.of(
          new String[] {
            "Guntur Mahila Sangham (demo)", "COLLECTIVE", "Andhra Pradesh", "Guntur", "te", GUNTUR
          },
          new String[] {
            "Nadia Sathi Samiti (demo)", "COLLECTIVE", "West Bengal", "Nadia", "bn", "DNDA"
          },
          new String[] {
            "Prerana Mentoring Trust (demo)", "MENTOR", "Andhra Pradesh", "Guntur", "en", "DMNT"
          },
          new String[] {
            "Sahyog Relief Fund (demo)", "FUNDER", "Maharashtra", "Mumbai", "en", "DFND"
          },
          new String[] {
            "National Collectives Forum (demo)", "NETWORK", "Delhi", "New Delhi", "hi", "DNWK"
          });

  private final boolean enabled;
  private final Users users;
  private final Organisations organisations;
  private final DemoCollective collective;
  private final SecureRandom random = new SecureRandom();

  DemoData(
      @Value("${sahay.demo:false}") boolean enabled,
      Users users,
      Organisations organisations,
      DemoCollective collective) {
    this.enabled = enabled;
    this.users = users;
    this.organisations = organisations;
    this.collective = collective;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void start() {
    if (!enabled) {
      return;
    }
    if (users.anyExist()) {
      boolean demo =
          organisations.ofKind(OrganisationKind.COLLECTIVE).stream()
              .anyMatch(o -> o.shortCode().value().equals(GUNTUR));
      if (!demo) {
        throw new IllegalStateException(
            "SAHAY_DEMO is on, but this database already holds real data. Demo data goes only"
                + " into an empty database: point SAHAY_DATA_DIR (or SAHAY_DB_URL) at a new one.");
      }
      LOG.warn("DEMO: Sahay runs on its demo data (fictional people only); sign in as before.");
      return;
    }
    seedAll();
  }

  /** The organisations, their links and users, then each collective's records. */
  private void seedAll() {
    List<String> signIns = new ArrayList<>();
    String adminPassword = password();
    var created = users.createFirstSystemAdmin("demo-admin", adminPassword, Language.EN);
    Actor admin =
        new Actor(
            ((Users.Outcome.Done) created).id(), "demo-admin", null, EnumSet.of(Role.SYSTEM_ADMIN));
    signIns.add("demo-admin / " + adminPassword + " (system admin)");
    java.util.Map<String, Organisation> made = new java.util.HashMap<>();
    for (String[] o : ORGANISATIONS) {
      made.put(o[5], organisation(admin, o[0], o[1], o[2], o[3], o[5], o[4]));
    }
    Organisation guntur = made.get(GUNTUR);
    Organisation nadia = made.get("DNDA");
    Organisation mentor = made.get("DMNT");
    Organisation funder = made.get("DFND");
    Organisation network = made.get("DNWK");
    link(admin, mentor, funder, network, List.of(guntur, nadia));
    Actor mentorStaff = user(admin, mentor, "demo-mentor", Language.EN, signIns, Role.MENTOR_STAFF);
    Actor funderViewer =
        user(admin, funder, "demo-funder", Language.EN, signIns, Role.FUNDER_VIEWER);
    user(admin, network, "demo-network", Language.HI, signIns, Role.MENTOR_STAFF);
    seed(
        admin,
        guntur,
        "guntur",
        Language.TE,
        DemoPeople.TELUGU,
        DemoPeople.ENGLISH,
        List.of("Guntur", "Krishna"),
        funder,
        funderViewer,
        signIns);
    seed(
        admin,
        nadia,
        "nadia",
        Language.BN,
        DemoPeople.BENGALI,
        DemoPeople.HINDI,
        List.of("Nadia", "North 24 Parganas"),
        funder,
        funderViewer,
        signIns);
    LOG.warn("DEMO: Sahay runs on demo data, fictional people only. Never enter real people here.");
    signIns.forEach(line -> LOG.warn("DEMO sign-in: {}", line));
    if (mentorStaff == null) {
      LOG.warn("DEMO: the mentor's user could not be made");
    }
  }

  private void link(
      Actor admin,
      Organisation mentor,
      Organisation funder,
      Organisation network,
      List<Organisation> collectives) {
    for (Organisation c : collectives) {
      organisations.link(admin, mentor.id(), LinkKind.MENTOR_OF, c.id());
      organisations.link(admin, funder.id(), LinkKind.FUNDER_OF, c.id());
      organisations.link(admin, c.id(), LinkKind.MEMBER_OF, network.id());
    }
  }

  private void seed(
      Actor admin,
      Organisation org,
      String place,
      Language language,
      List<String> names,
      List<String> otherNames,
      List<String> districts,
      Organisation funder,
      Actor funderViewer,
      List<String> signIns) {
    Actor leader =
        user(admin, org, "demo-leader-" + place, language, signIns, Role.LEADER, Role.ORG_ADMIN);
    Actor counsellor =
        user(admin, org, "demo-counsellor-" + place, language, signIns, Role.COUNSELLOR);
    collective.seed(
        new DemoCollective.Plan(
            org, leader, counsellor, funder, funderViewer, names, otherNames, districts));
  }

  private Organisation organisation(
      Actor admin,
      String name,
      String kind,
      String state,
      String district,
      String code,
      String language) {
    var outcome =
        organisations.create(
            admin,
            new NewOrganisation(name, kind, state, district, code, language, "Asia/Kolkata"));
    return ((Organisations.Creation.Created) outcome).organisation();
  }

  private Actor user(
      Actor admin,
      Organisation org,
      String username,
      Language language,
      List<String> signIns,
      Role... roles) {
    String password = password();
    var outcome = users.create(admin, org.id(), username, password, Set.of(roles), language);
    if (!(outcome instanceof Users.Outcome.Done done)) {
      throw new IllegalStateException("demo user " + username + " refused: " + outcome);
    }
    signIns.add(username + " / " + password + " (" + org.name() + ")");
    return new Actor(done.id(), username, org.id(), Set.of(roles));
  }

  private String password() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return password.toString();
  }
}
