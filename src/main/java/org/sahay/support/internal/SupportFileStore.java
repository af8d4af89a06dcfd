package org.sahay.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sealed files of support requests: attachments of a request, and the proof of a disbursement (at
 * most one each); never the plain bytes.
 */
@Repository
public class SupportFileStore {

  /** A stored file; {@code disbursement} is null for an attachment, {@code content} sealed. */
  public record File(
      UUID id,
      UUID request,
      UUID disbursement,
      OrganisationId organisation,
      String contentType,
      int sizeBytes,
      String uploadedBy,
      OffsetDateTime uploadedAt,
      byte[] content) {}

  private static final String COLUMNS =
      "id, request_id, disbursement_id, organisation_id, content_type, size_bytes, uploaded_by,"
          + " uploaded_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  SupportFileStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores a file; a proof replaces the disbursement's earlier proof. */
  public void insert(File f) {
    if (f.disbursement() != null) {
      jdbc.sql("delete from support_file where disbursement_id = :d")
          .param("d", f.disbursement())
          .update();
    }
    jdbc.sql(
            """
            insert into support_file (id, request_id, disbursement_id, organisation_id, kind,
              content_type, size_bytes, content, uploaded_by, uploaded_at)
            values (:id, :request, :d, :org, :kind, :type, :size, :content, :by, :now)
            """)
        .param("id", f.id())
        .param("request", f.request())
        .param(
            "d",
            f.disbursement() == null
                ? new SqlParameterValue(java.sql.Types.OTHER, null)
                : f.disbursement())
        .param("org", f.organisation().value())
        .param("kind", f.disbursement() == null ? "ATTACHMENT" : "PROOF")
        .param("type", f.contentType())
        .param("size", f.sizeBytes())
        .param("content", f.content())
        .param("by", f.uploadedBy())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** The attachments of a request, oldest first, without their content. */
  public List<File> attachments(UUID request) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", null as content from support_file where request_id = :request"
                + " and kind = 'ATTACHMENT' order by uploaded_at, id")
        .param("request", request)
        .query(SupportFileStore::file)
        .list();
  }

  public Optional<File> attachment(UUID request, UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", content from support_file where id = :id and request_id = :request"
                + " and kind = 'ATTACHMENT'")
        .param("id", id)
        .param("request", request)
        .query(SupportFileStore::file)
        .optional();
  }

  public Optional<File> proof(UUID disbursement) {
    return jdbc.sql("select " + COLUMNS + ", content from support_file where disbursement_id = :d")
        .param("d", disbursement)
        .query(SupportFileStore::file)
        .optional();
  }

  /** Which of these disbursements have a proof. */
  public Set<UUID> withProof(Collection<UUID> disbursements) {
    if (disbursements.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("select disbursement_id from support_file where disbursement_id in (:ids)")
            .param("ids", List.copyOf(disbursements))
            .query(UUID.class)
            .list());
  }

  /** The disbursements of the collective to one recipient (m: or h: and the id). */
  public List<UUID> disbursementsTo(OrganisationId organisation, String recipient) {
    return jdbc.sql(
            "select id from disbursement where organisation_id = :org and recipient = :recipient")
        .param("org", organisation.value())
        .param("recipient", recipient)
        .query(UUID.class)
        .list();
  }

  private static File file(ResultSet rs, int n) throws SQLException {
    return new File(
        rs.getObject("id", UUID.class),
        rs.getObject("request_id", UUID.class),
        rs.getObject("disbursement_id", UUID.class),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        rs.getString("content_type"),
        rs.getInt("size_bytes"),
        rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class),
        rs.getBytes("content"));
  }
}
