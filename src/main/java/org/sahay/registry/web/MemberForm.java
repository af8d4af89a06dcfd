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
 * The member form's fields: read from a posted form into a {@link MemberInput}, and written from a
 * member into the values a form shows. Document fields are named {@code doc.AADHAAR.number}.
 */
final class MemberForm {

  private MemberForm() {}

  static MemberInput read(Map<String, String> form, boolean withSensitive) {
    List<DocumentInput> documents = new ArrayList<>();
    for (DocumentType type : DocumentType.values()) {
      String prefix = "doc." + type.name() + ".";
      String number = blank(form.get(prefix + "number"));
      String status = blank(form.get(prefix + "status"));
      String detail = blank(form.get(prefix + "detail"));
      if (number != null || status != null || detail != null) {
        documents.add(
            new DocumentInput(
                type.name(),
                status,
                number,
                detail,
                type == DocumentType.BANK_ACCOUNT ? form.containsKey(prefix + "janDhan") : null));
      }
    }
    SensitiveProfile sensitive =
        withSensitive
            ? new SensitiveProfile(
                blank(form.get("s.occupation")),
                yesNo(form.get("s.sexWork")),
                yesNo(form.get("s.traffickingSurvivor")),
                blank(form.get("s.hivStatus")),
                yesNo(form.get("s.onArt")),
                blank(form.get("s.healthConditions")),
                yesNo(form.get("s.lgbtq")),
                blank(form.get("s.notes")))
            : null;
    String version = blank(form.get("version"));
    String year = blank(form.get("yearOfBirth"));
    Integer yearOfBirth = null;
    if (year != null) {
      try {
        yearOfBirth = Integer.valueOf(year);
      } catch (NumberFormatException e) {
        yearOfBirth = -1;
      }
    }
    return new MemberInput(
        form.get("name"),
        form.get("alias"),
        form.get("gender"),
        form.get("dateOfBirth"),
        yearOfBirth,
        form.get("phone"),
        form.get("otherPhone"),
        form.get("state"),
        form.get("district"),
        form.get("block"),
        form.get("village"),
        form.get("joinedOn"),
        form.get("status"),
        java.util.Arrays.stream(org.sahay.registry.SpokenLanguage.values())
            .filter(l -> form.containsKey("lang." + l.code()))
            .map(org.sahay.registry.SpokenLanguage::code)
            .toList(),
        form.containsKey("hasSmartphone"),
        sensitive,
        documents,
        version == null ? null : Integer.valueOf(version));
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
    for (String language : m.languages()) {
      v.put("lang." + language, "on");
    }
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

  /**
   * What a refused form shows again: what was typed, but never anything sensitive and never a full
   * Aadhaar or bank account number (the page would hold what Sahay refuses to keep).
   */
  static Map<String, String> retyped(Map<String, String> form) {
    Map<String, String> kept = new LinkedHashMap<>();
    form.forEach(
        (k, v) -> {
          boolean lastFourOnly =
              k.equals("doc.AADHAAR.number") || k.equals("doc.BANK_ACCOUNT.number");
          if (lastFourOnly && v != null && !v.replaceAll("[\\s-]", "").matches("\\d{0,4}")) {
            return;
          }
          if (!k.startsWith("s.") && !k.equals("_csrf")) {
            kept.put(k, v);
          }
        });
    return kept;
  }

  static List<DocumentStatus> statuses() {
    return List.of(DocumentStatus.values());
  }

  private static Boolean yesNo(String value) {
    return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
  }

  private static String yesNo(Boolean value) {
    return value == null ? "" : value ? "yes" : "no";
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
