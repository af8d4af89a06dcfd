package org.sahay.registry.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sahay.registry.DocumentInput;
import org.sahay.registry.DocumentStatus;
import org.sahay.registry.DocumentType;
import org.sahay.registry.Gender;
import org.sahay.registry.Member;
import org.sahay.registry.MemberInput;
import org.sahay.registry.MemberStatus;
import org.springframework.stereotype.Component;

/**
 * Checks what was typed about a member and names each wrong field with a message key. Aadhaar and
 * bank account numbers longer than their last four digits are refused, never cut down silently: the
 * person should know that Sahay does not keep them.
 */
@Component
public class MemberValidation {

  /** Either a valid member or the wrong fields (field name to message key). */
  public record Result(ValidMember member, Map<String, String> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private static final Set<String> RATION_CARD_TYPES = Set.of("AAY", "PHH", "STATE", "NONE");
  private static final int MAX_TEXT = 200;

  MemberValidation() {}

  /** {@code today}: the date where the collective is, which a date of birth may not be after. */
  public Result check(MemberInput in, LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = text(in.name());
    if (name == null || name.length() > MAX_TEXT) {
      errors.put("name", "member.name.invalid");
    }
    String alias = text(in.alias());
    if (alias != null && alias.length() > MAX_TEXT) {
      errors.put("alias", "member.alias.invalid");
    }
    Gender gender = parse(Gender.class, in.gender());
    if (gender == null) {
      errors.put("gender", "member.gender.invalid");
    }
    LocalDate dob = null;
    Integer birthYear = in.yearOfBirth();
    if (text(in.dateOfBirth()) != null) {
      dob = date(in.dateOfBirth());
      if (dob == null || dob.isAfter(today) || dob.getYear() < 1900) {
        errors.put("dateOfBirth", "member.dateOfBirth.invalid");
      } else {
        birthYear = dob.getYear();
      }
    }
    if (birthYear == null && dob == null && !errors.containsKey("dateOfBirth")) {
      errors.put("yearOfBirth", "member.birth.required");
    } else if (birthYear != null && (birthYear < 1900 || birthYear > today.getYear())) {
      errors.put("yearOfBirth", "member.yearOfBirth.invalid");
    }
    String phone = phone(in.phone(), "phone", errors);
    String otherPhone = phone(in.otherPhone(), "otherPhone", errors);
    String district = text(in.district());
    if (district == null || district.length() > 100) {
      errors.put("district", "member.district.invalid");
    }
    LocalDate joinedOn = null;
    if (text(in.joinedOn()) != null) {
      joinedOn = date(in.joinedOn());
      if (joinedOn == null || joinedOn.isAfter(today)) {
        errors.put("joinedOn", "member.joinedOn.invalid");
      }
    }
    MemberStatus status =
        text(in.status()) == null ? MemberStatus.ACTIVE : parse(MemberStatus.class, in.status());
    if (status == null || status == MemberStatus.ERASED || status == MemberStatus.MERGED) {
      errors.put("status", "member.status.invalid");
    }
    List<String> languages = new ArrayList<>();
    for (String code : in.languages() == null ? List.<String>of() : in.languages()) {
      org.sahay.registry.SpokenLanguage.fromCode(code)
          .ifPresentOrElse(
              l -> {
                if (!languages.contains(l.code())) {
                  languages.add(l.code());
                }
              },
              () -> errors.put("languages", "member.languages.invalid"));
    }
    List<Member.Document> documents = documents(in.documents(), errors);
    ValidMember member =
        errors.isEmpty()
            ? new ValidMember(
                name,
                alias,
                gender,
                dob,
                birthYear,
                phone,
                otherPhone,
                limit(in.state()),
                district,
                limit(in.block()),
                limit(in.village()),
                joinedOn,
                status,
                List.copyOf(languages),
                in.hasSmartphone(),
                in.sensitive() == null || in.sensitive().isEmpty() ? null : in.sensitive(),
                documents)
            : null;
    return new Result(member, Map.copyOf(errors));
  }

  private static List<Member.Document> documents(
      List<DocumentInput> inputs, Map<String, String> errors) {
    List<Member.Document> documents = new ArrayList<>();
    Set<DocumentType> seen = new java.util.HashSet<>();
    for (DocumentInput in : inputs == null ? List.<DocumentInput>of() : inputs) {
      DocumentType type = parse(DocumentType.class, in.type());
      String field = "documents." + (type == null ? "type" : type.name());
      if (type == null) {
        errors.put(field, "document.type.invalid");
        continue;
      }
      if (!seen.add(type)) {
        errors.put(field, "document.duplicate");
        continue;
      }
      String number = text(in.number());
      DocumentStatus status =
          text(in.status()) == null
              ? (number == null ? DocumentStatus.MISSING : DocumentStatus.HAVE)
              : parse(DocumentStatus.class, in.status());
      if (status == null) {
        errors.put(field, "document.status.invalid");
        continue;
      }
      String detail = text(in.detail());
      if (number != null) {
        String digits = number.replaceAll("[\\s-]", "");
        switch (type) {
          case AADHAAR -> {
            if (digits.matches("\\d{12}")) {
              errors.put(field, "document.aadhaar.full");
              continue;
            }
            if (!digits.matches("\\d{4}")) {
              errors.put(field, "document.aadhaar.lastFour");
              continue;
            }
            number = digits;
          }
          case BANK_ACCOUNT -> {
            if (!digits.matches("\\d{4}")) {
              errors.put(field, "document.bank.lastFour");
              continue;
            }
            number = digits;
          }
          default -> {
            if (number.length() > 40) {
              errors.put(field, "document.number.invalid");
              continue;
            }
          }
        }
      }
      if (type == DocumentType.RATION_CARD && detail != null) {
        detail = detail.toUpperCase(Locale.ROOT);
        if (!RATION_CARD_TYPES.contains(detail)) {
          errors.put(field, "document.rationCard.type");
          continue;
        }
      }
      if (detail != null && detail.length() > 100) {
        errors.put(field, "document.detail.invalid");
        continue;
      }
      documents.add(
          new Member.Document(
              type,
              status,
              number,
              detail,
              type == DocumentType.BANK_ACCOUNT ? in.janDhan() : null));
    }
    return documents;
  }

  /** Indian mobile numbers: 10 digits starting 6 to 9, with or without +91 or a leading 0. */
  public static String phone(String raw, String field, Map<String, String> errors) {
    String value = text(raw);
    if (value == null) {
      return null;
    }
    String digits = value.replaceAll("[\\s()-]", "");
    if (digits.startsWith("+91")) {
      digits = digits.substring(3);
    } else if (digits.length() == 12 && digits.startsWith("91")) {
      digits = digits.substring(2);
    } else if (digits.length() == 11 && digits.startsWith("0")) {
      digits = digits.substring(1);
    }
    if (!digits.matches("[6-9]\\d{9}")) {
      errors.put(field, "member.phone.invalid");
      return null;
    }
    return digits;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip().replaceAll("\\s+", " ");
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static String limit(String value) {
    String trimmed = text(value);
    return trimmed == null ? null : trimmed.substring(0, Math.min(100, trimmed.length()));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
