package org.sahay.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sahay.forms.internal.XlsFormReader;

/** Reads XLSForm forms from XLSX, TSV text or sheets, and gives the built-in forms. */
public final class Forms {

  /** The forms that come with Sahay, under forms/ on the classpath. */
  public static final List<String> BUILT_IN = List.of("household-needs", "phq9", "gad7");

  private Forms() {}

  /** Reads and checks a form; every problem found is reported, sorted by sheet and row. */
  public static FormParse parse(Sheets sheets) {
    XlsFormReader.Result read = XlsFormReader.read(sheets);
    FormParse parse = FormDefinition.of(read.content());
    List<FormProblem> problems = new ArrayList<>(read.problems());
    if (parse instanceof FormParse.Refused refused) {
      for (FormProblem problem : refused.problems()) {
        boolean toLeftOutRow =
            problem.messageKey().equals("forms.problem.unknownReference")
                && read.leftOut().contains(problem.details().get(1));
        if (!toLeftOutRow) {
          problems.add(problem);
        }
      }
    }
    return problems.isEmpty() ? parse : refused(problems);
  }

  /** Reads and checks an uploaded XLSX workbook. */
  public static FormParse parseXlsx(InputStream in) {
    try {
      return parse(Sheets.fromXlsx(in));
    } catch (org.sahay.forms.internal.SheetReaders.TooLarge e) {
      return new FormParse.Refused(
          List.of(
              new FormProblem(
                  "",
                  0,
                  "forms.problem.tooLarge",
                  List.of(
                      String.valueOf(org.sahay.forms.internal.SheetReaders.MAX_ROWS),
                      String.valueOf(
                          org.sahay.forms.internal.SheetReaders.MAX_FILE_BYTES / 1024 / 1024)))));
    } catch (IOException e) {
      return new FormParse.Refused(
          List.of(new FormProblem("", 0, "forms.problem.unreadable", List.of())));
    }
  }

  /** Reads and checks a form written as one tab-separated text per sheet. */
  public static FormParse parseTsv(Map<String, String> sheets) {
    return parse(Sheets.fromTsv(sheets));
  }

  /** A built-in form by id; a broken built-in form is a bug, so it throws. */
  public static FormDefinition builtIn(String id) {
    if (!BUILT_IN.contains(id)) {
      throw new IllegalArgumentException("no built-in form " + id);
    }
    // Read and checked once: every form page asks for them.
    return BUILT_IN_FORMS.computeIfAbsent(id, Forms::readBuiltIn);
  }

  private static final java.util.Map<String, FormDefinition> BUILT_IN_FORMS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static FormDefinition readBuiltIn(String id) {
    FormParse parse = parse(Sheets.fromClasspath("forms/" + id));
    if (parse instanceof FormParse.Refused refused) {
      throw new IllegalStateException("built-in form " + id + " is broken: " + refused.problems());
    }
    return ((FormParse.Parsed) parse).form();
  }

  private static FormParse refused(List<FormProblem> problems) {
    List<FormProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparing((FormProblem p) -> sheetOrder(p.sheet()))
            .thenComparingInt(FormProblem::row));
    return new FormParse.Refused(sorted);
  }

  private static int sheetOrder(String sheet) {
    int index = List.of("survey", "choices", "settings").indexOf(sheet);
    return index < 0 ? 3 : index;
  }
}
