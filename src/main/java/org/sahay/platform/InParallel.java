package org.sahay.platform;

import java.util.List;
import java.util.function.Function;

/**
 * Pure work on many items (sealing keys, keyed hashes) spread over the machine's cores, in order.
 * The function must touch no database and nothing bound to the caller's thread or transaction: find
 * keys first, on the caller's thread ({@link Vault#tokens}).
 */
public final class InParallel {

  /** Below this many items the work stays on the caller's thread. */
  static final int AT_LEAST = 64;

  private InParallel() {}

  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    if (items.size() < AT_LEAST) {
      return items.stream().<R>map(work).toList();
    }
    return items.parallelStream().<R>map(work).toList();
  }
}
