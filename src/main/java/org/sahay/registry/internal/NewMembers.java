package org.sahay.registry.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.sahay.platform.BulkRows;
import org.sahay.platform.InParallel;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Member;
import org.sahay.registry.MemberId;
import org.sahay.registry.MembersRegistered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Repository;

/**
 * Inserts many new members of one collective at once (an import's chunk): their rows, documents and
 * search tokens, one bulk write per table ({@link BulkRows}: COPY on PostgreSQL), each row sealed
 * exactly as {@link MemberStore#insert} seals one. Their data keys must exist already.
 */
@Repository
public class NewMembers {

  /** A member to insert: her id, code, checked fields and sealed sensitive profile (or null). */
  public record New(MemberId id, String code, ValidMember member, byte[] sensitive) {}

  private static final List<String> MEMBER_COLUMNS =
      List.of(
          "id",
          "organisation_id",
          "code",
          "gender",
          "birth_year",
          "state",
          "district",
          "joined_on",
          "status",
          "personal",
          "sensitive",
          "version",
          "created_at",
          "updated_at");
  private static final List<String> TOKEN_COLUMNS =
      List.of("member_id", "organisation_id", "token", "code");

  private final BulkRows bulk;
  private final PersonalData personal;
  private final DocumentStore documents;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  NewMembers(
      BulkRows bulk,
      PersonalData personal,
      DocumentStore documents,
      ApplicationEventPublisher events,
      Clock clock) {
    this.bulk = bulk;
    this.personal = personal;
    this.documents = documents;
    this.events = events;
    this.clock = clock;
  }

  public void insert(OrganisationId organisation, List<New> members) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Object[]> rows = new ArrayList<>(members.size());
    List<Object[]> documentRows = new ArrayList<>();
    List<Object[]> tokenRows = new ArrayList<>();
    // Keyed hashes are most of a member's cost here: spread over the cores.
    var token = personal.tokensOf(organisation);
    List<java.util.Set<String>> tokens =
        InParallel.map(members, n -> personal.tokens(token, n.member()));
    int i = 0;
    for (New n : members) {
      ValidMember m = n.member();
      rows.add(
          new Object[] {
            n.id().value(),
            organisation.value(),
            n.code(),
            m.gender().name(),
            m.birthYear(),
            m.state(),
            m.district(),
            m.joinedOn(),
            m.status().name(),
            personal.seal(n.id(), m),
            n.sensitive(),
            0,
            now,
            now
          });
      for (Member.Document d : m.documents()) {
        documentRows.add(documents.row(n.id(), organisation, d, now));
      }
      for (String t : tokens.get(i++)) {
        tokenRows.add(new Object[] {n.id().value(), organisation.value(), t, n.code()});
      }
    }
    bulk.insert("member", MEMBER_COLUMNS, rows);
    bulk.insert("member_document", DocumentStore.COLUMNS, documentRows);
    bulk.insert("member_token", TOKEN_COLUMNS, tokenRows);
    events.publishEvent(
        new MembersRegistered(
            organisation,
            members.stream().map(n -> n.member().recorded(n.id(), organisation)).toList()));
  }
}
