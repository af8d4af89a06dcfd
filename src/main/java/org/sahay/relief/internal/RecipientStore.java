package org.sahay.relief.internal;

import java.sql.Types;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sahay.platform.NameKeys;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.relief.Recipient;
import org.sahay.relief.RecipientId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Non-member recipients: name, phone, group and village are one ciphertext under the recipient's
 * own data key; they are found through keyed tokens (name words and their beginnings, the phone and
 * its last four digits, the village), made as for members, so that the database never holds them
 * readable.
 */
@Repository
public class RecipientStore {

  private record Fields(String name, String phone, String group, String village) {}

  private static final String FIELD = "recipient";
  private static final int SHORTEST_PREFIX = 3;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final Vault vault;
  private final Clock clock;

  RecipientStore(JdbcClient jdbc, JdbcTemplate batches, Vault vault, Clock clock) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.vault = vault;
    this.clock = clock;
  }

  /** Stores a recipient under a new data key of their own. */
  public void insert(OrganisationId organisation, Recipient r, String by) {
    vault.createKey(r.id().value(), organisation);
    byte[] sealed =
        vault.encrypt(
            r.id().value(),
            FIELD,
            JSON.writeValueAsString(new Fields(r.name(), r.phone(), r.group(), r.village())));
    jdbc.sql(
            """
            insert into relief_recipient (id, organisation_id, personal, created_by, created_at)
            values (:id, :org, :personal, :by, :now)
            """)
        .param("id", r.id().value())
        .param("org", organisation.value())
        .param("personal", sealed, Types.VARBINARY)
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
    List<Object[]> rows = new ArrayList<>();
    for (String token : tokens(organisation, r)) {
      rows.add(new Object[] {r.id().value(), organisation.value(), token});
    }
    batches.batchUpdate(
        "insert into relief_recipient_token (recipient_id, organisation_id, token) values (?, ?, ?)",
        rows);
  }

  public Optional<Recipient> find(OrganisationId organisation, RecipientId id) {
    return opened(
            jdbc.sql(
                    "select id, personal from relief_recipient"
                        + " where organisation_id = :org and id = :id")
                .param("org", organisation.value())
                .param("id", id.value()))
        .stream()
        .findFirst();
  }

  /** Recipients with these ids in the collective, opened with one read of their keys. */
  public Map<RecipientId, Recipient> all(OrganisationId organisation, Collection<RecipientId> ids) {
    Map<RecipientId, Recipient> found = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    for (Recipient r :
        opened(
            jdbc.sql(
                    "select id, personal from relief_recipient"
                        + " where organisation_id = :org and id in (:ids)")
                .param("org", organisation.value())
                .param("ids", ids.stream().map(RecipientId::value).distinct().toList()))) {
      found.put(r.id(), r);
    }
    return found;
  }

  /** Those of {@code ids} that are recipients of the organisation; nothing is opened. */
  public java.util.Set<RecipientId> existing(
      OrganisationId organisation, Collection<RecipientId> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return java.util.Set.copyOf(
        jdbc.sql("select id from relief_recipient where organisation_id = :org and id in (:ids)")
            .param("org", organisation.value())
            .param("ids", ids.stream().map(RecipientId::value).distinct().toList())
            .query((rs, n) -> new RecipientId(rs.getObject(1, java.util.UUID.class)))
            .list());
  }

  /** Recipients whose phone, or every word of whose name, matches what was typed. */
  public List<Recipient> search(OrganisationId organisation, String typed, int limit) {
    String digits = typed.replaceAll("[\\s+()-]", "");
    List<String> tokens = new ArrayList<>();
    if (digits.matches("\\d{4,13}")) {
      tokens.add(phoneToken(organisation, digits));
    } else {
      for (String word : new LinkedHashSet<>(NameKeys.words(NameKeys.phonetic(typed)))) {
        tokens.add(
            vault.token(organisation, (word.length() >= SHORTEST_PREFIX ? "p:" : "n:") + word));
      }
    }
    if (tokens.isEmpty()) {
      return List.of();
    }
    return byTokens(organisation, tokens, limit).stream()
        .filter(r -> digits.length() <= 4 || !digits.matches("\\d+") || endsWith(r, digits))
        .toList();
  }

  /** The collective's recipients, oldest first, for a site's offline lookup. */
  public List<Recipient> all(OrganisationId organisation, int limit) {
    return opened(
        jdbc.sql(
                "select id, personal from relief_recipient where organisation_id = :org"
                    + " order by created_at, id limit :limit")
            .param("org", organisation.value())
            .param("limit", limit));
  }

  /** Recipients who may be this person: the same phone, or the same first name word and village. */
  public List<Recipient> likelySame(OrganisationId organisation, Recipient r) {
    Set<RecipientId> seen = new LinkedHashSet<>();
    List<Recipient> found = new ArrayList<>();
    if (r.phone() != null) {
      for (Recipient same :
          byTokens(organisation, List.of(vault.token(organisation, "t:" + r.phone())), 5)) {
        if (seen.add(same.id())) {
          found.add(same);
        }
      }
    }
    List<String> words = NameKeys.words(NameKeys.phonetic(r.name()));
    if (!words.isEmpty()) {
      List<String> tokens = new ArrayList<>();
      tokens.add(vault.token(organisation, "n:" + words.get(0)));
      if (r.village() != null && !village(r.village()).isEmpty()) {
        tokens.add(vault.token(organisation, "v:" + village(r.village())));
      }
      for (Recipient same : byTokens(organisation, tokens, 5)) {
        if (seen.add(same.id())) {
          found.add(same);
        }
      }
    }
    return found.stream().limit(5).toList();
  }

  private List<Recipient> byTokens(OrganisationId organisation, List<String> tokens, int limit) {
    StringBuilder sql = new StringBuilder("select r.id, r.personal from relief_recipient r");
    Map<String, Object> params = new java.util.HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      sql.append(" join relief_recipient_token t%d on t%d.recipient_id = r.id".formatted(i, i))
          .append(" and t%d.organisation_id = :org and t%d.token = :t%d".formatted(i, i, i));
      params.put("t" + i, tokens.get(i));
    }
    sql.append(" where r.organisation_id = :org order by r.created_at, r.id limit :limit");
    params.put("org", organisation.value());
    params.put("limit", limit);
    return opened(jdbc.sql(sql.toString()).params(params));
  }

  private List<Recipient> opened(JdbcClient.StatementSpec statement) {
    List<Object[]> rows =
        statement
            .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2)})
            .list();
    var keys = vault.keys(rows.stream().map(r -> (UUID) r[0]).toList());
    List<Recipient> opened = new ArrayList<>();
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      Fields f =
          keys.decrypt(id, FIELD, (byte[]) row[1])
              .map(json -> JSON.readValue(json, Fields.class))
              .orElse(new Fields(null, null, null, null));
      opened.add(new Recipient(new RecipientId(id), f.name(), f.phone(), f.group(), f.village()));
    }
    return opened;
  }

  private Set<String> tokens(OrganisationId organisation, Recipient r) {
    Set<String> values = new LinkedHashSet<>();
    for (String word : NameKeys.words(NameKeys.phonetic(r.name()))) {
      values.add("n:" + word);
      for (int end = SHORTEST_PREFIX; end <= word.length(); end++) {
        values.add("p:" + word.substring(0, end));
      }
    }
    if (r.phone() != null) {
      values.add("t:" + r.phone());
      values.add("t4:" + r.phone().substring(Math.max(0, r.phone().length() - 4)));
    }
    if (r.village() != null && !village(r.village()).isEmpty()) {
      values.add("v:" + village(r.village()));
    }
    Set<String> tokens = new LinkedHashSet<>();
    for (String value : values) {
      tokens.add(vault.token(organisation, value));
    }
    return tokens;
  }

  private String phoneToken(OrganisationId organisation, String digits) {
    return digits.length() >= 10
        ? vault.token(organisation, "t:" + digits.substring(digits.length() - 10))
        : vault.token(organisation, "t4:" + digits.substring(Math.max(0, digits.length() - 4)));
  }

  private static boolean endsWith(Recipient r, String digits) {
    String tail = digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    return r.phone() != null && r.phone().endsWith(tail);
  }

  /** A village as compared: letter case and extra spaces do not matter. */
  static String village(String village) {
    return Normalizer.normalize(village, Normalizer.Form.NFKC)
        .strip()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }
}
