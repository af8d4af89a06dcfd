package org.sahay.registry.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.registry.DocumentInput;
import org.sahay.registry.DocumentStatus;
import org.sahay.registry.DocumentType;
import org.sahay.registry.Member;
import org.sahay.registry.MemberInput;
import org.sahay.registry.SensitiveProfile;

/**
 * The member form's fields as posted, bound by the binder: documents as {@code
 * doc[AADHAAR].number}, languages as repeated {@code languages}, the confidential profile as {@code
 * s.notes} and so on. It makes the {@link MemberInput} the API takes, and the values a refused form
 * shows again; {@link #values(Member)} gives those of an existing member.
 */
record MemberForm(
    String name,
    String alias,
    String gender,
    String dateOfBirth,
    Integer yearOfBirth,
    String phone,
    String otherPhone,
    String state,
    String district,
    String block,
    String village,
    String joinedOn,
    String status,
    List<String> languages,
    Boolean hasSmartphone,
    SensitiveProfile s,
    Map<DocumentType, Document> doc,
    Integer version,
    Boolean notDuplicate) {

  /** One document's fields. */
  record Document(String status, String number, String detail, Boolean janDhan) {}

  /** What the binder could not read, as the registry says it. */
  static final Map<String, String> KEYS =
      Map.of("yearOfBirth", "member.yearOfBirth.invalid", "version", "member.version.required");

  /** The member as the API takes it; the confidential profile only from those who may see it. */
  MemberInput command(boolean withSensitive) {
    List<DocumentInput> documents = new ArrayList<>();
    for (DocumentType type : DocumentType.values()) {
      Document d = doc == null ? null : doc.get(type);
      if (d != null
          && (blank(d.number) != null || blank(d.status) != null || blank(d.detail) != null)) {
        documents.add(
            new DocumentInput(
                type.name(),
                blank(d.status),
                blank(d.number),
                blank(d.detail),
                type == DocumentType.BANK_ACCOUNT ? Boolean.TRUE.equals(d.janDhan) : null));
      }
    }
    SensitiveProfile profile =
        s == null ? new SensitiveProfile(null, null, null, null, null, null, null, null) : s;
    return new MemberInput(
        name,
        alias,
        gender,
        dateOfBirth,
        yearOfBirth,
        phone,
        otherPhone,
        state,
        district,
        block,
        village,
        joinedOn,
        status,
        languages == null ? List.of() : List.copyOf(languages),
        Boolean.TRUE.equals(hasSmartphone),
        withSensitive
            ? new SensitiveProfile(
                blank(profile.occupation()),
                profile.sexWork(),
                profile.traffickingSurvivor(),
                blank(profile.hivStatus()),
                profile.onArt(),
                blank(profile.healthConditions()),
                profile.lgbtq(),
                blank(profile.notes()))
            : null,
        documents,
        version);
  }

  /**
   * What a refused form shows again: what was typed, but never anything sensitive and never a full
   * Aadhaar or bank account number (the page would hold what Sahay refuses to keep).
   */
  Map<String, String> retyped() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("alias", alias);
    v.put("gender", gender);
    v.put("dateOfBirth", dateOfBirth);
    v.put("yearOfBirth", yearOfBirth == null ? null : yearOfBirth.toString());
    v.put("phone", phone);
    v.put("otherPhone", otherPhone);
    v.put("state", state);
    v.put("district", district);
    v.put("block", block);
    v.put("village", village);
    v.put("joinedOn", joinedOn);
    v.put("status", status);
    v.put("languages", languages == null ? "" : String.join(",", languages));
    v.put("hasSmartphone", Boolean.TRUE.equals(hasSmartphone) ? "on" : null);
    v.put("version", version == null ? null : version.toString());
    if (doc != null) {
      doc.forEach(
          (type, d) -> {
            String prefix = "doc." + type.name() + ".";
            boolean lastFourOnly =
                type == DocumentType.AADHAAR || type == DocumentType.BANK_ACCOUNT;
            if (d.number != null
                && !(lastFourOnly && !d.number.replaceAll("[\\s-]", "").matches("\\d{0,4}"))) {
              v.put(prefix + "number", d.number);
            }
            v.put(prefix + "status", d.status);
            v.put(prefix + "detail", d.detail);
            v.put(prefix + "janDhan", Boolean.TRUE.equals(d.janDhan) ? "on" : null);
          });
    }
    return v;
  }

  /** The values a form shows for an existing member (sensitive ones only when given). */
  static Map<String, String> values(Member m) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", m.name());
    v.put("alias", m.alias());
    v.put("gender", m.gender().name());
    v.put("dateOfBirth", m.dateOfBirth() == null ? null : m.dateOfBirth().toString());
    v.put(
        "yearOfBirth",
        m.dateOfBirth() == null && m.birthYear() != null ? m.birthYear().toString() : null);
    v.put("phone", m.phone());
    v.put("otherPhone", m.otherPhone());
    v.put("state", m.state());
    v.put("district", m.district());
    v.put("block", m.block());
    v.put("village", m.village());
    v.put("joinedOn", m.joinedOn() == null ? null : m.joinedOn().toString());
    v.put("status", m.status().name());
    v.put("hasSmartphone", Boolean.TRUE.equals(m.hasSmartphone()) ? "on" : null);
    v.put("languages", String.join(",", m.languages()));
    v.put("version", Integer.toString(m.version()));
    for (Member.Document d : m.documents()) {
      String prefix = "doc." + d.type().name() + ".";
      v.put(prefix + "number", d.number());
      v.put(prefix + "status", d.status().name());
      v.put(prefix + "detail", d.detail());
      v.put(prefix + "janDhan", Boolean.TRUE.equals(d.janDhan()) ? "on" : null);
    }
    SensitiveProfile s = m.sensitive();
    if (s != null) {
      v.put("s.occupation", s.occupation());
      v.put("s.sexWork", yesNo(s.sexWork()));
      v.put("s.traffickingSurvivor", yesNo(s.traffickingSurvivor()));
      v.put("s.hivStatus", s.hivStatus());
      v.put("s.onArt", yesNo(s.onArt()));
      v.put("s.healthConditions", s.healthConditions());
      v.put("s.lgbtq", yesNo(s.lgbtq()));
      v.put("s.notes", s.notes());
    }
    return v;
  }

  static List<DocumentStatus> statuses() {
    return List.of(DocumentStatus.values());
  }

  private static String yesNo(Boolean value) {
    return value == null ? "" : value ? "yes" : "no";
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
