package org.sahay.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds spent by the app nodes (their pids), by PostgreSQL (every process of the {@code
 * postgres} user) and by this driver, over one measured phase, from {@code /proc} (Linux only; on a
 * machine without it, nothing is printed). Per operation, this is where the time of a request goes
 * when the machine is the limit.
 */
final class CpuMeter {

  private static final double TICKS = 100.0;
  private final List<Long> nodes;
  private double[] start;
  private final java.util.Map<Long, Double> nodesAtStart = new java.util.HashMap<>();

  CpuMeter(List<Long> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  void start() {
    start = now();
    nodesAtStart.clear();
    for (long pid : nodes) {
      nodesAtStart.put(pid, seconds(Path.of("/proc", Long.toString(pid), "stat")));
    }
  }

  /** One line: CPU seconds of the nodes, PostgreSQL and the driver, and per operation in ms. */
  String report(int operations) {
    if (start == null || !Files.isDirectory(Path.of("/proc/self"))) {
      return "";
    }
    double[] end = now();
    // A node killed meanwhile is left out (its time is gone with it).
    double app = 0;
    for (long pid : nodes) {
      Path stat = Path.of("/proc", Long.toString(pid), "stat");
      if (Files.exists(stat)) {
        app += seconds(stat) - nodesAtStart.getOrDefault(pid, 0.0);
      }
    }
    double db = end[1] - start[1];
    double driver = end[2] - start[2];
    int n = Math.max(1, operations);
    return String.format(
        "cpu: app nodes %.1f s (%.2f ms per operation), postgres %.1f s (%.2f ms), driver %.1f s"
            + " (%.2f ms)%n",
        app, 1000 * app / n, db, 1000 * db / n, driver, 1000 * driver / n);
  }

  private double[] now() {
    double db = 0;
    for (Path process : postgres()) {
      db += seconds(process.resolve("stat"));
    }
    return new double[] {0, db, seconds(Path.of("/proc/self/stat"))};
  }

  private static List<Path> postgres() {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> all = Files.list(Path.of("/proc"))) {
      all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(
              p -> {
                try {
                  if (Files.readString(p.resolve("comm")).strip().startsWith("postgres")) {
                    found.add(p);
                  }
                } catch (IOException e) {
                  // gone meanwhile
                }
              });
    } catch (IOException e) {
      return found;
    }
    return found;
  }

  private static double seconds(Path stat) {
    try {
      String text = Files.readString(stat);
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
