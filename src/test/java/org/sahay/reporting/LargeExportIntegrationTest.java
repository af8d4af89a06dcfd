package org.sahay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A million hand-overs exported as XLSX by a JVM whose heap is capped at 256 MB finishes, every row
 * written: the export streams from a database cursor to a streaming writer.
 */
class LargeExportIntegrationTest {

  @Test
  void aMillionRowExportFinishesWithTheHeapCappedAt256Megabytes() throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LargeExportCheck.class.getName(),
                    "1000000",
                    "XLSX"))
            .redirectErrorStream(true);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String printed = new String(output, StandardCharsets.UTF_8);
    String line =
        printed.lines().filter(l -> l.startsWith("LARGE-EXPORT")).findFirst().orElse(printed);
    System.out.println(line);
    assertThat(process.exitValue()).as(line).isZero();
    assertThat(line).contains("rows=1000000", "status=DONE");
  }
}
