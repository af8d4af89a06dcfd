package org.sahay.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and answers per kind of operation, as clients saw them (retries included). */
final class Stats {

  private final Map<String, List<Double>> millis = new TreeMap<>();
  private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
  private long started = System.nanoTime();
  private final CpuMeter cpu;

  Stats(CpuMeter cpu) {
    this.cpu = cpu;
  }

  synchronized void restart() {
    millis.clear();
    statuses.clear();
    started = System.nanoTime();
    cpu.start();
  }

  synchronized void add(String operation, long startedNanos, int status) {
    millis
        .computeIfAbsent(operation, k -> new ArrayList<>())
        .add((System.nanoTime() - startedNanos) / 1e6);
    statuses.computeIfAbsent(operation, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
  }

  synchronized int count(String operation) {
    return millis.getOrDefault(operation, List.of()).size();
  }

  /** One line per operation: count, rate, p50, p95, max and the answers by status. */
  synchronized String report() {
    double seconds = (System.nanoTime() - started) / 1e9;
    StringBuilder out = new StringBuilder();
    millis.forEach(
        (operation, list) -> {
          List<Double> sorted = new ArrayList<>(list);
          sorted.sort(null);
          out.append(
              String.format(
                  "%-12s %7d in %6.1f s = %7.1f/s  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  %s%n",
                  operation,
                  sorted.size(),
                  seconds,
                  sorted.size() / seconds,
                  at(sorted, 0.50),
                  at(sorted, 0.95),
                  sorted.get(sorted.size() - 1),
                  statuses.get(operation)));
        });
    out.append(cpu.report(millis.values().stream().mapToInt(List::size).sum()));
    return out.toString();
  }

  private static double at(List<Double> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size())));
  }
}
