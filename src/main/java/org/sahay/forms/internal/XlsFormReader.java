package org.sahay.forms.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahay.forms.Choice;
import org.sahay.forms.FormProblem;
import org.sahay.forms.Question;
import org.sahay.forms.QuestionType;
import org.sahay.forms.Sheets;
import org.sahay.forms.Text;

/**
 * Reads the survey, choices and settings sheets into a {@link FormContent}, collecting a problem
 * for every row that uses something Sahay does not support. Expressions are checked later, by
 * {@link FormCompiler}.
 */
public final class XlsFormReader {

  public static final String SURVEY = "survey";
  public static final String CHOICES = "choices";
  public static final String SETTINGS = "settings";

  private static final Set<String> TRANSLATED =
      Set.of("label", "hint", "constraint_message", "required_message");
  private static final Set<String> PLAIN =
      Set.of("type", "name", "required", "relevant", "constraint", "calculation", "default");
  private static final Set<String> IGNORED = Set.of("appearance");
  private static final Set<String> SETTING_COLUMNS =
      Set.of("form_id", "version", "form_title", "default_language", "style");
  private static final Map<String, QuestionType> SIMPLE_TYPES =
      Map.of(
          "text", QuestionType.TEXT,
          "integer", QuestionType.INTEGER,
          "decimal", QuestionType.DECIMAL,
          "date", QuestionType.DATE,
          "note", QuestionType.NOTE,
          "calculate", QuestionType.CALCULATE);

  /**
   * The content read, the problems found (the content is only usable without them), and the names
   * of rows left out for their type, so that references to them are not reported twice.
   */
  public record Result(FormContent content, List<FormProblem> problems, Set<String> leftOut) {}

  private final List<FormProblem> problems = new ArrayList<>();
  private final Set<Integer> reportedHeaders = new HashSet<>();
  private final Set<String> leftOut = new HashSet<>();
  private String defaultLanguage = "en";

  private XlsFormReader() {}

  public static Result read(Sheets sheets) {
    return new XlsFormReader().readAll(sheets);
  }

  private Result readAll(Sheets sheets) {
    Map<String, String> settings = settings(sheets.sheet(SETTINGS));
    Optional<Sheets.Sheet> choices = sheets.sheet(CHOICES);
    Map<String, List<Choice>> lists = choices.map(this::choices).orElse(Map.of());
    List<Question> questions = new ArrayList<>();
    Optional<Sheets.Sheet> survey = sheets.sheet(SURVEY);
    if (survey.isEmpty()) {
      problem(SURVEY, 0, "forms.problem.missingSheet");
    } else {
      questions = survey(survey.get(), lists, choices.isPresent());
    }
    FormContent content =
        new FormContent(
            FormContent.SCHEMA,
            settings.getOrDefault("form_id", ""),
            settings.getOrDefault("version", ""),
            settings.getOrDefault("form_title", ""),
            defaultLanguage,
            questions,
            lists);
    return new Result(content, List.copyOf(problems), Set.copyOf(leftOut));
  }

  private Map<String, String> settings(Optional<Sheets.Sheet> sheet) {
    Map<String, String> values = new HashMap<>();
    if (sheet.isEmpty()) {
      problem(SETTINGS, 0, "forms.problem.missingSheet");
      return values;
    }
    List<String> header = sheet.get().header();
    Sheets.Row row =
        sheet.get().rows().stream()
            .filter(r -> !r.isBlank())
            .findFirst()
            .orElse(new Sheets.Row(2, List.of()));
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).strip().toLowerCase(Locale.ROOT);
      String value = row.cell(i).strip();
      if (column.isEmpty() || value.isEmpty()) {
        continue;
      }
      if (!SETTING_COLUMNS.contains(column)) {
        problem(SETTINGS, row.number(), "forms.problem.unsupportedColumn", header.get(i));
      } else {
        values.put(column, value);
      }
    }
    for (String needed : List.of("form_id", "version")) {
      if (!values.containsKey(needed)) {
        problem(SETTINGS, row.number(), "forms.problem.emptyCell", needed);
      }
    }
    if (values.containsKey("form_id") && !Names.isValid(values.get("form_id"))) {
      problem(SETTINGS, row.number(), "forms.problem.badName", values.get("form_id"));
    }
    if (values.containsKey("default_language")) {
      String code = Columns.language(values.get("default_language"));
      if (code == null) {
        problem(
            SETTINGS,
            row.number(),
            "forms.problem.unknownLanguage",
            values.get("default_language"));
      } else {
        defaultLanguage = code;
      }
    }
    return values;
  }

  private Map<String, List<Choice>> choices(Sheets.Sheet sheet) {
    Map<String, Integer> plain = new HashMap<>();
    Map<Integer, String> labels = new LinkedHashMap<>();
    readHeader(sheet, plain, labels, Map.of(), true);
    Map<String, List<Choice>> lists = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean complete = true;
    for (String needed : List.of("list_name", "name")) {
      if (!plain.containsKey(needed)) {
        problem(CHOICES, 1, "forms.problem.missingColumn", needed);
        complete = false;
      }
    }
    if (!complete) {
      return lists;
    }
    for (Sheets.Row row : sheet.rows()) {
      if (row.isBlank()) {
        continue;
      }
      String list = row.cell(plain.get("list_name")).strip();
      String name = row.cell(plain.get("name")).strip();
      if (list.isEmpty() || name.isEmpty()) {
        problem(
            CHOICES,
            row.number(),
            "forms.problem.emptyCell",
            list.isEmpty() ? "list_name" : "name");
        continue;
      }
      Text label = texts(row, labels, "label");
      if (label.isEmpty()) {
        problem(CHOICES, row.number(), "forms.problem.missingLabel", name);
      }
      Integer first = seen.putIfAbsent(list + "\u0000" + name, row.number());
      if (first != null) {
        problem(
            CHOICES, row.number(), "forms.problem.duplicateChoice", list, name, first.toString());
        continue;
      }
      lists.computeIfAbsent(list, k -> new ArrayList<>()).add(new Choice(name, label));
    }
    return lists;
  }

  private List<Question> survey(
      Sheets.Sheet sheet, Map<String, List<Choice>> lists, boolean haveChoices) {
    Map<String, Integer> plain = new HashMap<>();
    Map<Integer, String> translated = new LinkedHashMap<>();
    Map<Integer, String> attributes = new LinkedHashMap<>();
    readHeader(sheet, plain, translated, attributes, false);
    List<Question> questions = new ArrayList<>();
    for (String needed : List.of("type", "name")) {
      if (!plain.containsKey(needed)) {
        problem(SURVEY, 1, "forms.problem.missingColumn", needed);
        return questions;
      }
    }
    Deque<Question> groups = new ArrayDeque<>();
    Map<String, Integer> names = new HashMap<>();
    for (Sheets.Row row : sheet.rows()) {
      if (row.isBlank()) {
        continue;
      }
      unsupportedCells(sheet, row, plain, translated, attributes);
      String typeCell = cell(row, plain, "type");
      String written = typeCell.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (written.equals("end_group") || written.equals("end group")) {
        if (groups.isEmpty()) {
          problem(SURVEY, row.number(), "forms.problem.unexpectedEndGroup");
        } else {
          groups.pop();
        }
        continue;
      }
      if (typeCell.isEmpty()) {
        problem(SURVEY, row.number(), "forms.problem.emptyCell", "type");
        continue;
      }
      QuestionType type;
      String listName = "";
      if (written.equals("begin_group") || written.equals("begin group")) {
        type = QuestionType.GROUP;
      } else if (SIMPLE_TYPES.containsKey(written)) {
        type = SIMPLE_TYPES.get(written);
      } else if (written.matches("select[_ ]one [^ ]+")) {
        type = QuestionType.SELECT_ONE;
        listName = typeCell.strip().substring(typeCell.strip().lastIndexOf(' ') + 1);
      } else if (written.matches("select[_ ]multiple [^ ]+")) {
        type = QuestionType.SELECT_MULTIPLE;
        listName = typeCell.strip().substring(typeCell.strip().lastIndexOf(' ') + 1);
      } else {
        problem(SURVEY, row.number(), "forms.problem.unknownType", typeCell);
        leftOut.add(cell(row, plain, "name"));
        continue;
      }
      String name = cell(row, plain, "name");
      if (name.isEmpty()) {
        problem(SURVEY, row.number(), "forms.problem.emptyCell", "name");
        continue;
      }
      if (!Names.isValid(name)) {
        problem(SURVEY, row.number(), "forms.problem.badName", name);
        continue;
      }
      Integer first = names.putIfAbsent(name, row.number());
      if (first != null) {
        problem(SURVEY, row.number(), "forms.problem.duplicateName", name, first.toString());
      }
      if (type.isSelect() && !lists.containsKey(listName)) {
        problem(
            haveChoices ? SURVEY : CHOICES,
            haveChoices ? row.number() : 0,
            haveChoices ? "forms.problem.missingList" : "forms.problem.missingSheet",
            listName);
      }
      Question question =
          question(row, type, name, listName, groups, plain, translated, attributes);
      if ((type.isInput() || type == QuestionType.NOTE)
          && question.label().isEmpty()
          && question.hint().isEmpty()) {
        problem(SURVEY, row.number(), "forms.problem.missingLabel", name);
      }
      if (type == QuestionType.CALCULATE && question.calculation().isEmpty()) {
        problem(SURVEY, row.number(), "forms.problem.emptyCell", "calculation");
      }
      questions.add(question);
      if (type == QuestionType.GROUP) {
        groups.push(question);
      }
    }
    for (Question open : groups) {
      problem(SURVEY, open.row(), "forms.problem.unclosedGroup", open.name());
    }
    return questions;
  }

  private Question question(
      Sheets.Row row,
      QuestionType type,
      String name,
      String listName,
      Deque<Question> groups,
      Map<String, Integer> plain,
      Map<Integer, String> translated,
      Map<Integer, String> attributeColumns) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributeColumns.forEach(
        (index, column) -> {
          String value = row.cell(index).strip();
          if (!value.isEmpty()) {
            attributes.put(column, value);
          }
        });
    return new Question(
        row.number(),
        name,
        type,
        listName,
        texts(row, translated, "label"),
        texts(row, translated, "hint"),
        cell(row, plain, "required"),
        texts(row, translated, "required_message"),
        cell(row, plain, "relevant"),
        cell(row, plain, "constraint"),
        texts(row, translated, "constraint_message"),
        cell(row, plain, "calculation"),
        cell(row, plain, "default"),
        groups.isEmpty() ? "" : groups.peek().name(),
        attributes);
  }

  /**
   * Sorts the header cells: plain columns by name, translated ones as base|language by index,
   * sahay_ attributes by index. Unknown headers are only a problem where a row fills them in.
   */
  private void readHeader(
      Sheets.Sheet sheet,
      Map<String, Integer> plain,
      Map<Integer, String> translated,
      Map<Integer, String> attributes,
      boolean choices) {
    String sheetName = choices ? CHOICES : SURVEY;
    Set<String> plainNames = choices ? Set.of("list_name", "name") : PLAIN;
    Set<String> translatedNames = choices ? Set.of("label") : TRANSLATED;
    Map<String, Integer> seen = new HashMap<>();
    List<String> header = sheet.header();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).isBlank()) {
        continue;
      }
      Columns column = Columns.of(header.get(i));
      String key;
      if (column.language() == null) {
        if (translatedNames.contains(column.base())) {
          problem(sheetName, 1, "forms.problem.unknownLanguage", header.get(i));
          reportedHeaders.add(i);
        }
        continue;
      } else if (translatedNames.contains(column.base())) {
        String language = column.language().isEmpty() ? defaultLanguage : column.language();
        key = column.base() + "|" + language;
        translated.put(i, key);
      } else if (column.language().isEmpty() && plainNames.contains(column.base())) {
        key = column.base();
        plain.put(key, i);
      } else if (!choices && column.language().isEmpty() && column.base().startsWith("sahay_")) {
        key = column.base();
        attributes.put(i, key);
      } else {
        continue;
      }
      Integer first = seen.putIfAbsent(key, i);
      if (first != null) {
        problem(sheetName, 1, "forms.problem.duplicateColumn", header.get(i));
      }
    }
  }

  private void unsupportedCells(
      Sheets.Sheet sheet,
      Sheets.Row row,
      Map<String, Integer> plain,
      Map<Integer, String> translated,
      Map<Integer, String> attributes) {
    List<String> header = sheet.header();
    for (int i = 0; i < Math.max(header.size(), row.cells().size()); i++) {
      if (row.cell(i).isBlank()
          || plain.containsValue(i)
          || translated.containsKey(i)
          || attributes.containsKey(i)) {
        continue;
      }
      String column = i < header.size() ? header.get(i).strip() : "";
      if (!IGNORED.contains(column.toLowerCase(Locale.ROOT)) && !reportedHeaders.contains(i)) {
        problem(SURVEY, row.number(), "forms.problem.unsupportedColumn", column);
      }
    }
  }

  private static Text texts(Sheets.Row row, Map<Integer, String> columns, String base) {
    Map<String, String> byLanguage = new LinkedHashMap<>();
    columns.forEach(
        (index, key) -> {
          int bar = key.indexOf('|');
          if (key.substring(0, bar).equals(base)) {
            byLanguage.put(key.substring(bar + 1), row.cell(index).strip());
          }
        });
    return new Text(byLanguage);
  }

  private static String cell(Sheets.Row row, Map<String, Integer> plain, String column) {
    Integer index = plain.get(column);
    return index == null ? "" : row.cell(index).strip();
  }

  private void problem(String sheet, int row, String key, String... details) {
    problems.add(new FormProblem(sheet, row, key, List.of(details)));
  }
}
