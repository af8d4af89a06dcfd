package org.sahay.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import org.sahay.forms.Sheets;
import org.sahay.forms.internal.Evaluator;
import org.sahay.forms.internal.Expr;
import org.sahay.forms.internal.ExpressionException;
import org.sahay.forms.internal.ExpressionParser;
import org.sahay.forms.internal.XlsFormReader;
import org.sahay.funds.DonationImports;
import org.sahay.funds.internal.Fields;
import org.sahay.registry.internal.ImportFiles;

/**
 * What people upload and type, fed with whatever Jazzer makes of it. Each may refuse its input in
 * the way it documents (a refusal with a message key, an I/O error for a file that is no
 * spreadsheet); anything else it throws, a hang or running out of memory is a finding. Without
 * {@code JAZZER_FUZZ} these run once over their saved inputs (under {@code
 * src/test/resources/org/sahay/fuzz/UploadFuzzTestInputs}) as ordinary tests; {@code .ci/run}
 * fuzzes each for a bounded time, and docs/security.md says how to run longer.
 */
class UploadFuzzTest {

  private static final Evaluator.Scope SCOPE =
      new Evaluator.Scope() {
        @Override
        public Object value(String name) {
          return name.length() % 2 == 0 ? "7" : LocalDate.of(2026, 1, 31);
        }

        @Override
        public Object dot() {
          return "3";
        }

        @Override
        public LocalDate today() {
          return LocalDate.of(2026, 12, 5);
        }
      };

  /** A member import file, CSV or XLSX: checked on upload, then read row by row. */
  @FuzzTest(maxDuration = "30s")
  void memberImportFile(byte[] content) {
    ImportFiles.Format format = ImportFiles.detect(content);
    try {
      ImportFiles.inspect(format, content, 1_000);
    } catch (ImportFiles.Refused refused) {
      return;
    }
    ImportFiles.forEachRow(format, content, (n, values) -> {});
  }

  /**
   * A bank or platform statement of donations (CSV), read with the usual column names or with names
   * the person chose; each row's amount as the books would check it.
   */
  @FuzzTest(maxDuration = "30s")
  void donationStatement(FuzzedDataProvider data) {
    DonationImports.Mapping mapping =
        data.consumeBoolean()
            ? new DonationImports.Mapping(null, null, null, null, null, null, null)
            : new DonationImports.Mapping(
                data.consumeString(12),
                data.consumeString(12),
                data.consumeString(12),
                data.consumeString(12),
                data.consumeString(12),
                data.consumeString(12),
                null);
    DonationImports.Statement statement =
        DonationImports.read(data.consumeRemainingAsBytes(), mapping);
    for (DonationImports.Line line : statement.lines()) {
      Fields.amount(null, line.amount(), "amount", new HashMap<>());
    }
  }

  /** A questionnaire's calculation or condition, typed by whoever designs the form. */
  @FuzzTest(maxDuration = "30s")
  void expression(FuzzedDataProvider data) {
    String source = data.consumeRemainingAsString();
    Expr expr;
    try {
      expr = ExpressionParser.parse(source);
    } catch (ExpressionException refused) {
      return;
    }
    Evaluator.evaluate(expr, SCOPE);
  }

  /** An uploaded XLSForm workbook. */
  @FuzzTest(maxDuration = "30s")
  void xlsForm(byte[] workbook) {
    Sheets sheets;
    try {
      sheets = Sheets.fromXlsx(new ByteArrayInputStream(workbook));
    } catch (IOException refused) {
      return;
    }
    XlsFormReader.read(sheets);
  }
}
