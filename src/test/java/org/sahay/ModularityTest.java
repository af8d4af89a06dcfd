package org.sahay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

  private static final Path DOCS = Path.of("docs/modules");

  private final ApplicationModules modules = ApplicationModules.of(SahayApplication.class);

  @Test
  void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentationUnderDocs() throws IOException {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
        .writeDocumentation();
    // Modulith lists relations and bean references in hash order, which moves from run to run;
    // sorted, the files change only when the modules do, so they do not churn in commits.
    try (Stream<Path> files = Files.list(DOCS)) {
      for (Path file : files.toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String sorted = ModuleDocsOrder.sorted(text);
        if (!sorted.equals(text)) {
          Files.writeString(file, sorted, StandardCharsets.UTF_8);
        }
      }
    }
  }

  /** Sorts each run of list entries (PlantUML relations, AsciiDoc bullets with continuations). */
  static final class ModuleDocsOrder {

    static String sorted(String text) {
      List<String> lines = List.of(text.split("\n", -1));
      List<String> out = new ArrayList<>();
      List<String> run = new ArrayList<>();
      for (String line : lines) {
        if (isEntryStart(line) || (!run.isEmpty() && isContinuation(line))) {
          if (isEntryStart(line)) {
            run.add(line);
          } else {
            run.set(run.size() - 1, run.get(run.size() - 1) + "\n" + line);
          }
        } else {
          flush(run, out);
          out.add(line);
        }
      }
      flush(run, out);
      return String.join("\n", out);
    }

    private static boolean isEntryStart(String line) {
      return line.startsWith("Rel(") || line.startsWith("* `");
    }

    private static boolean isContinuation(String line) {
      return !line.isEmpty()
          && !line.startsWith("|")
          && !line.startsWith("Rel(")
          && !line.startsWith("* ")
          && !line.startsWith("SHOW_")
          && !line.startsWith("@");
    }

    private static void flush(List<String> run, List<String> out) {
      run.sort(null);
      out.addAll(run);
      run.clear();
    }
  }
}
