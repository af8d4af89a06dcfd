package org.sahay;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races for tests: the same request from many threads, released at one instant. */
public final class Concurrently {

  private Concurrently() {}

  /** Runs {@code request} on {@code count} threads at once; the answers in thread order. */
  public static List<HttpResponse<String>> all(int count, Callable<HttpResponse<String>> request)
      throws Exception {
    var pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.call();
                }));
      }
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (var f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }
}
