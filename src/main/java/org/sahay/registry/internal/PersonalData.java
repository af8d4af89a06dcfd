package org.sahay.registry.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sahay.platform.NameKeys;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.registry.DocumentType;
import org.sahay.registry.MemberId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's personal fields (names, birth date, phones, block and village, languages) sealed as
 * one ciphertext under the member's own data key, and the keyed tokens that let them be found
 * without being stored readable. Erasing a member destroys the key, so the fields cannot be read
 * again from any copy of the database, old backups included.
 *
 * <p>Tokens (see {@link Vault#token}) are made of: each phonetic word of the name and alias ({@code
 * n:}), each beginning of three or more letters of those words ({@code p:}), so that typing the
 * start of a name finds it, the phone numbers ({@code t:}) and their last four digits ({@code
 * t4:}), and the village ({@code v:}).
 */
@Component
public class PersonalData {

  /** The personal fields of a member, as sealed. */
  public record Fields(
      String name,
      String alias,
      String dateOfBirth,
      String phone,
      String otherPhone,
      String block,
      String village,
      List<String> languages,
      Boolean hasSmartphone) {

    static Fields of(ValidMember m) {
      return new Fields(
          m.name(),
          m.alias(),
          m.dateOfBirth() == null ? null : m.dateOfBirth().toString(),
          m.phone(),
          m.otherPhone(),
          m.block(),
          m.village(),
          m.languages(),
          m.hasSmartphone());
    }

    LocalDate birthDate() {
      return dateOfBirth == null ? null : LocalDate.parse(dateOfBirth);
    }

    /** What remains of an erased member: nothing. */
    static final Fields NONE =
        new Fields(null, null, null, null, null, null, null, List.of(), null);
  }

  /** A document's number and detail, sealed together. */
  public record DocumentFields(String number, String detail) {}

  private static final String FIELD = "personal";
  private static final int SHORTEST_PREFIX = 3;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Vault vault;

  PersonalData(Vault vault) {
    this.vault = vault;
  }

  public byte[] seal(MemberId member, ValidMember m) {
    return vault.encrypt(member.value(), FIELD, JSON.writeValueAsString(Fields.of(m)));
  }

  public byte[] sealDocument(MemberId member, DocumentType type, String number, String detail) {
    if (number == null && detail == null) {
      return null;
    }
    return vault.encrypt(
        member.value(),
        "document:" + type.name(),
        JSON.writeValueAsString(new DocumentFields(number, detail)));
  }

  /** Destroys a subject's data key (a household's, when its last member was erased). */
  public void destroyKey(java.util.UUID subject) {
    vault.destroyKey(subject);
  }

  /** The keys of several members, to open many rows with one read of the key table. */
  public Vault.Keys keys(Collection<MemberId> members) {
    return vault.keys(members.stream().map(MemberId::value).toList());
  }

  /** The member's fields; {@link Fields#NONE} when the member was erased. */
  public Fields open(Vault.Keys keys, MemberId member, byte[] sealed) {
    return keys.decrypt(member.value(), FIELD, sealed)
        .map(json -> JSON.readValue(json, Fields.class))
        .orElse(Fields.NONE);
  }

  public DocumentFields openDocument(
      Vault.Keys keys, MemberId member, DocumentType type, byte[] sealed) {
    return keys.decrypt(member.value(), "document:" + type.name(), sealed)
        .map(json -> JSON.readValue(json, DocumentFields.class))
        .orElse(new DocumentFields(null, null));
  }

  /** Every token under which the member can be found. */
  public Set<String> tokens(OrganisationId organisation, ValidMember m) {
    return tokens(vault.tokens(organisation), m);
  }

  /**
   * The organisation's keyed tokens, for {@link #tokens(java.util.function.UnaryOperator,
   * ValidMember)} on any thread.
   */
  java.util.function.UnaryOperator<String> tokensOf(OrganisationId organisation) {
    return vault.tokens(organisation);
  }

  /** {@link #tokens(OrganisationId, ValidMember)} with the organisation's tokens at hand. */
  Set<String> tokens(java.util.function.UnaryOperator<String> token, ValidMember m) {
    Set<String> values = new LinkedHashSet<>();
    for (String name : new String[] {m.name(), m.alias()}) {
      if (name == null) {
        continue;
      }
      for (String word : NameKeys.words(NameKeys.phonetic(name))) {
        values.add("n:" + word);
        for (int end = SHORTEST_PREFIX; end <= word.length(); end++) {
          values.add("p:" + word.substring(0, end));
        }
      }
    }
    for (String phone : new String[] {m.phone(), m.otherPhone()}) {
      if (phone != null) {
        values.add("t:" + phone);
        values.add("t4:" + phone.substring(Math.max(0, phone.length() - 4)));
      }
    }
    if (m.village() != null && !village(m.village()).isEmpty()) {
      values.add("v:" + village(m.village()));
    }
    Set<String> tokens = new LinkedHashSet<>();
    for (String value : values) {
      tokens.add(token.apply(value));
    }
    return tokens;
  }

  /**
   * The tokens a name search must all match: one per word typed, matching a name word that begins
   * with it (or, for words of one or two letters, a name word that is exactly that).
   */
  public List<String> nameSearchTokens(OrganisationId organisation, String typed) {
    List<String> tokens = new ArrayList<>();
    for (String word : new LinkedHashSet<>(NameKeys.words(NameKeys.phonetic(typed)))) {
      tokens.add(
          vault.token(organisation, (word.length() >= SHORTEST_PREFIX ? "p:" : "n:") + word));
    }
    return tokens;
  }

  /** The token of a whole phonetic name word, for the duplicate check. */
  public String nameWordToken(OrganisationId organisation, String phoneticWord) {
    return vault.token(organisation, "n:" + phoneticWord);
  }

  /** A whole ten-digit phone number, or the last four digits of one. */
  public String phoneToken(OrganisationId organisation, String digits) {
    return digits.length() >= 10
        ? vault.token(organisation, "t:" + digits.substring(digits.length() - 10))
        : vault.token(organisation, "t4:" + digits.substring(Math.max(0, digits.length() - 4)));
  }

  public String villageToken(OrganisationId organisation, String village) {
    return vault.token(organisation, "v:" + village(village));
  }

  /** A village as compared: letter case and extra spaces do not matter. */
  static String village(String village) {
    return Normalizer.normalize(village, Normalizer.Form.NFKC)
        .strip()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }
}
