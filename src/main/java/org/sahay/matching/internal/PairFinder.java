package org.sahay.matching.internal;

import java.util.Arrays;

/**
 * Finds candidate pairs without comparing all pairs: members are put in blocks by keys they share
 * (within one collective), and only members of one block are compared. The keys:
 *
 * <ul>
 *   <li>district and the skeleton of each name word that is not an honorific;
 *   <li>district and the skeletons of two such words together, so that a very common word (a block
 *       larger than {@link #LARGEST_BLOCK}, which is left out) still meets through the other one;
 *   <li>each phone number, and the main phone with each digit masked in turn (one digit apart).
 * </ul>
 *
 * Everything is in primitive arrays sorted in place: a block is a run of equal keys.
 */
public final class PairFinder {

  /** A block larger than this is not compared pair by pair (its members meet in other blocks). */
  public static final int LARGEST_BLOCK = 300;

  private static final int INDEX_BITS = 24;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
  private static final int MOST_WORDS_PAIRED = 4;

  /**
   * The candidate pairs, each once, as (first index << 32 | second index), with the pattern of
   * their comparison; how many pairs showed each pattern; how many blocks were too large.
   */
  public record Candidates(long[] pairs, short[] patterns, long[] counts, int largeBlocks) {
    public int size() {
      return pairs.length;
    }

    public int first(int i) {
      return (int) (pairs[i] >>> 32);
    }

    public int second(int i) {
      return (int) pairs[i];
    }
  }

  private PairFinder() {}

  /**
   * @param collective for each member, a number standing for its collective: only members of one
   *     collective are ever paired
   * @param features for each member, what is known of her
   */
  public static Candidates candidates(int[] collective, MatchFeatures[] features) {
    return candidates(collective, features, features.length);
  }

  /**
   * As {@link #candidates(int[], MatchFeatures[])}, but only the pairs with at least one of the
   * first {@code probes} members in them: the rows of a file checked against a whole collective,
   * without comparing the collective's members with each other. Blocks are still made from every
   * member, so a block too large is passed over exactly as in a whole scan.
   */
  public static Candidates candidates(int[] collective, MatchFeatures[] features, int probes) {
    if (features.length > INDEX_MASK) {
      throw new IllegalArgumentException("too many members for one scan");
    }
    long[] keys = blockKeys(collective, features);
    Arrays.sort(keys);
    LongList pairs = new LongList(features.length * 4);
    int largeBlocks = 0;
    int start = 0;
    while (start < keys.length) {
      long block = keys[start] & ~INDEX_MASK;
      int end = start + 1;
      while (end < keys.length && (keys[end] & ~INDEX_MASK) == block) {
        end++;
      }
      if (end - start > LARGEST_BLOCK) {
        largeBlocks++;
      } else {
        // Within a block, entries are sorted by member index: the probes come first.
        for (int i = start; i < end && (int) (keys[i] & INDEX_MASK) < probes; i++) {
          for (int j = i + 1; j < end; j++) {
            int a = (int) (keys[i] & INDEX_MASK);
            int b = (int) (keys[j] & INDEX_MASK);
            if (a != b) {
              pairs.add(((long) Math.min(a, b) << 32) | Math.max(a, b));
            }
          }
        }
      }
      start = end;
    }
    long[] unique = pairs.sortedDistinct();
    int[] nameCounts = nameCounts(collective, features);
    short[] patterns = new short[unique.length];
    long[] counts = new long[Comparison.PATTERNS];
    for (int i = 0; i < unique.length; i++) {
      int a = (int) (unique[i] >>> 32);
      int b = (int) unique[i];
      int p = Comparison.pattern(features[a], features[b], Math.max(nameCounts[a], nameCounts[b]));
      patterns[i] = (short) p;
      counts[p]++;
    }
    return new Candidates(unique, patterns, counts, largeBlocks);
  }

  /** For each member, how many members of her collective and district bear her whole name. */
  private static int[] nameCounts(int[] collective, MatchFeatures[] features) {
    long[] keys = new long[features.length];
    for (int r = 0; r < features.length; r++) {
      keys[r] =
          mix(
              mix(collective[r] * 0x9E3779B97F4A7C15L + features[r].district())
                  ^ Comparison.nameKey(features[r]));
    }
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    int[] counts = new int[features.length];
    for (int r = 0; r < features.length; r++) {
      int from = Arrays.binarySearch(sorted, keys[r]);
      int lo = from;
      while (lo > 0 && sorted[lo - 1] == keys[r]) {
        lo--;
      }
      int hi = from;
      while (hi + 1 < sorted.length && sorted[hi + 1] == keys[r]) {
        hi++;
      }
      counts[r] = hi - lo + 1;
    }
    return counts;
  }

  private static long[] blockKeys(int[] collective, MatchFeatures[] features) {
    LongList keys = new LongList(features.length * 8);
    for (int r = 0; r < features.length; r++) {
      MatchFeatures f = features[r];
      long base = mix(collective[r] * 0x9E3779B97F4A7C15L + 17);
      long inDistrict = mix(base ^ f.district());
      long[] significant = new long[f.coarse().length];
      int n = 0;
      for (int w = 0; w < f.coarse().length; w++) {
        if (!f.isHonorific(w)) {
          significant[n++] = f.coarse()[w];
        }
      }
      for (int w = 0; w < n; w++) {
        keys.add(entry(mix(inDistrict + 1) ^ significant[w], r));
        for (int v = w + 1; v < Math.min(n, MOST_WORDS_PAIRED); v++) {
          long both =
              mix(Math.min(significant[w], significant[v]))
                  ^ Math.max(significant[w], significant[v]);
          keys.add(entry(mix(inDistrict + 2) ^ both, r));
        }
      }
      for (long phone : f.phones()) {
        keys.add(entry(mix(base + 3) ^ phone, r));
      }
      for (long mask : f.phoneMasks()) {
        keys.add(entry(mix(base + 4) ^ mask, r));
      }
    }
    return keys.toArray();
  }

  private static long entry(long key, int record) {
    return (mix(key) & ~INDEX_MASK) | record;
  }

  /** A 64-bit finaliser (from MurmurHash3): every bit of the input moves every bit out. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** A growable array of longs, so that millions of keys are not millions of objects. */
  static final class LongList {
    private long[] values;
    private int size;

    LongList(int capacity) {
      values = new long[Math.max(16, capacity)];
    }

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length + (values.length >> 1));
      }
      values[size++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }

    long[] sortedDistinct() {
      Arrays.sort(values, 0, size);
      int out = 0;
      for (int i = 0; i < size; i++) {
        if (out == 0 || values[out - 1] != values[i]) {
          values[out++] = values[i];
        }
      }
      return Arrays.copyOf(values, out);
    }
  }
}
