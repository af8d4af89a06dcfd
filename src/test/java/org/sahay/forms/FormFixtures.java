package org.sahay.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Small synthetic forms for tests: sheets written as lines with cells separated by a bar. */
final class FormFixtures {

  static final String SETTINGS = "form_id|version|default_language\ntest_form|1|English (en)";

  private FormFixtures() {}

  /** Sheets from bar-separated lines; line n is row n, so row numbers are easy to read. */
  static Map<String, String> sheets(String survey, String choices, String settings) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("survey", survey.replace('|', '\t'));
    if (choices != null) {
      texts.put("choices", choices.replace('|', '\t'));
    }
    if (settings != null) {
      texts.put("settings", settings.replace('|', '\t'));
    }
    return texts;
  }

  static FormParse parse(String survey, String choices) {
    return Forms.parseTsv(sheets(survey, choices, SETTINGS));
  }

  static FormDefinition form(String survey, String choices) {
    FormParse parse = parse(survey, choices);
    assertThat(parse).isInstanceOf(FormParse.Parsed.class);
    return ((FormParse.Parsed) parse).form();
  }

  static FormDefinition form(String survey) {
    return form(survey, null);
  }

  static List<FormProblem> problems(String survey, String choices) {
    FormParse parse = parse(survey, choices);
    assertThat(parse).isInstanceOf(FormParse.Refused.class);
    return ((FormParse.Refused) parse).problems();
  }

  static List<FormProblem> problems(String survey) {
    return problems(survey, null);
  }

  /** An XLSX workbook with one sheet per entry, each cell of the bar-separated lines. */
  static byte[] xlsx(Map<String, String> sheets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "sahay-test", "1.0");
      for (Map.Entry<String, String> sheet : sheets.entrySet()) {
        Worksheet worksheet = workbook.newWorksheet(sheet.getKey());
        String[] lines = sheet.getValue().split("\n", -1);
        for (int r = 0; r < lines.length; r++) {
          String[] cells = lines[r].split("[|\t]", -1);
          for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
              worksheet.value(r, c, cells[c]);
            }
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static FormParse parseXlsx(Map<String, String> sheets) {
    return Forms.parseXlsx(new ByteArrayInputStream(xlsx(sheets)));
  }
}
