package org.sahay.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sahay.registry.DocumentInput;
import org.sahay.registry.MemberInput;

/**
 * Which column of an imported file holds which member field; guessed from the column names (in
 * English, Hindi, Telugu and Bengali) and corrected by the person importing.
 */
public final class ImportMapping {

  /** The member fields a file may fill. */
  public enum Field {
    NAME(true, "name", "full name", "member name", "नाम", "పేరు", "নাম"),
    ALIAS(false, "alias", "also known as", "other name", "उपनाम", "మారుపేరు", "ডাকনাম"),
    GENDER(true, "gender", "sex", "लिंग", "లింగం", "লিঙ্গ"),
    DATE_OF_BIRTH(
        false, "date of birth", "dob", "birth date", "जन्म तिथि", "పుట్టిన తేదీ", "জন্ম তারিখ"),
    YEAR_OF_BIRTH(false, "year of birth", "birth year"),
    AGE(false, "age", "उम्र", "आयु", "వయస్సు", "వయసు", "বয়স"),
    PHONE(
        false,
        "phone",
        "mobile",
        "phone number",
        "mobile number",
        "फ़ोन",
        "फोन",
        "मोबाइल",
        "ఫోన్",
        "ফোন",
        "মোবাইল"),
    STATE(false, "state", "राज्य", "రాష్ట్రం", "রাজ্য"),
    DISTRICT(true, "district", "जिला", "ज़िला", "జిల్లా", "জেলা"),
    BLOCK(false, "block", "mandal", "मंडल", "ब्लॉक", "మండలం", "ব্লক"),
    VILLAGE(false, "village", "ward", "गाँव", "गांव", "గ్రామం", "গ্রাম"),
    JOINED_ON(false, "joined on", "joining date", "date joined"),
    AADHAAR_LAST_FOUR(
        false, "aadhaar", "aadhaar last 4", "aadhaar last four", "आधार", "ఆధార్", "আধার"),
    RATION_CARD_TYPE(false, "ration card type", "card type"),
    RATION_CARD_NUMBER(
        false, "ration card", "ration card number", "राशन कार्ड", "రేషన్ కార్డు", "রেশন কার্ড");

    private final boolean required;
    private final Set<String> names;

    Field(boolean required, String... names) {
      this.required = required;
      this.names = Set.of(names);
    }

    public boolean required() {
      return required;
    }
  }

  private static final Map<String, String> GENDERS =
      Map.ofEntries(
          Map.entry("f", "FEMALE"),
          Map.entry("female", "FEMALE"),
          Map.entry("woman", "FEMALE"),
          Map.entry("महिला", "FEMALE"),
          Map.entry("स्त्री", "FEMALE"),
          Map.entry("స్త్రీ", "FEMALE"),
          Map.entry("మహిళ", "FEMALE"),
          Map.entry("মহিলা", "FEMALE"),
          Map.entry("m", "MALE"),
          Map.entry("male", "MALE"),
          Map.entry("man", "MALE"),
          Map.entry("पुरुष", "MALE"),
          Map.entry("పురుషుడు", "MALE"),
          Map.entry("পুরুষ", "MALE"),
          Map.entry("t", "TRANSGENDER"),
          Map.entry("tg", "TRANSGENDER"),
          Map.entry("transgender", "TRANSGENDER"),
          Map.entry("ट्रांसजेंडर", "TRANSGENDER"),
          Map.entry("ట్రాన్స్‌జెండర్", "TRANSGENDER"),
          Map.entry("ট্রান্সজেন্ডার", "TRANSGENDER"),
          Map.entry("other", "OTHER"),
          Map.entry("not stated", "NOT_STATED"));

  private ImportMapping() {}

  /** For each field, the index of the column whose name matches, if any. */
  public static Map<Field, Integer> guess(List<String> headers) {
    Map<Field, Integer> mapping = new EnumMap<>(Field.class);
    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i).strip().toLowerCase(Locale.ROOT).replace('_', ' ');
      for (Field field : Field.values()) {
        if (!mapping.containsKey(field) && field.names.contains(header)) {
          mapping.put(field, i);
          break;
        }
      }
    }
    return mapping;
  }

  /** The required fields that have no column. */
  public static List<Field> missing(Map<Field, Integer> mapping) {
    List<Field> missing = new ArrayList<>();
    for (Field field : Field.values()) {
      if (field.required() && !mapping.containsKey(field)) {
        missing.add(field);
      }
    }
    boolean birth =
        mapping.containsKey(Field.DATE_OF_BIRTH)
            || mapping.containsKey(Field.YEAR_OF_BIRTH)
            || mapping.containsKey(Field.AGE);
    if (!birth) {
      missing.add(Field.AGE);
    }
    return missing;
  }

  /** One row as the input a person would have typed into the registration form. */
  public static MemberInput input(Map<Field, Integer> mapping, List<String> row, int thisYear) {
    Integer yearOfBirth = integer(value(mapping, row, Field.YEAR_OF_BIRTH));
    Integer age = integer(value(mapping, row, Field.AGE));
    if (yearOfBirth == null && age != null) {
      yearOfBirth = age >= 0 && age < 130 ? thisYear - age : -1;
    }
    List<DocumentInput> documents = new ArrayList<>();
    String aadhaar = value(mapping, row, Field.AADHAAR_LAST_FOUR);
    if (aadhaar != null) {
      documents.add(new DocumentInput("AADHAAR", "HAVE", aadhaar, null, null));
    }
    String rationNumber = value(mapping, row, Field.RATION_CARD_NUMBER);
    String rationType = value(mapping, row, Field.RATION_CARD_TYPE);
    if (rationNumber != null || rationType != null) {
      documents.add(new DocumentInput("RATION_CARD", "HAVE", rationNumber, rationType, null));
    }
    String gender = value(mapping, row, Field.GENDER);
    return new MemberInput(
        value(mapping, row, Field.NAME),
        value(mapping, row, Field.ALIAS),
        gender == null ? null : GENDERS.getOrDefault(gender.toLowerCase(Locale.ROOT), gender),
        date(value(mapping, row, Field.DATE_OF_BIRTH)),
        yearOfBirth,
        value(mapping, row, Field.PHONE),
        null,
        value(mapping, row, Field.STATE),
        value(mapping, row, Field.DISTRICT),
        value(mapping, row, Field.BLOCK),
        value(mapping, row, Field.VILLAGE),
        date(value(mapping, row, Field.JOINED_ON)),
        null,
        null,
        null,
        null,
        documents,
        null);
  }

  /** Dates as YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY, or a spreadsheet's day number. */
  static String date(String value) {
    if (value == null) {
      return null;
    }
    if (value.matches("\\d{1,5}(\\.0+)?")) {
      long serial = Long.parseLong(value.replaceAll("\\..*", ""));
      return LocalDate.of(1899, 12, 30).plusDays(serial).toString();
    }
    var dmy =
        java.util.regex.Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})").matcher(value);
    if (dmy.matches()) {
      return String.format(
          "%s-%02d-%02d",
          dmy.group(3), Integer.parseInt(dmy.group(2)), Integer.parseInt(dmy.group(1)));
    }
    return value;
  }

  private static String value(Map<Field, Integer> mapping, List<String> row, Field field) {
    Integer index = mapping.get(field);
    if (index == null || index >= row.size()) {
      return null;
    }
    String value = row.get(index);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Integer integer(String value) {
    if (value == null) {
      return null;
    }
    try {
      return new java.math.BigDecimal(value).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }
}
