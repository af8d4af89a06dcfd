package org.sahay.matching.internal;

import java.nio.ByteBuffer;

/**
 * What record linkage knows of one member: keyed hashes only (of each phonetic name word, of its
 * consonant skeleton, of the phones, of the main phone with each digit masked in turn, and of the
 * village), the birth year and a hash of the district. Nothing here can be turned back into a name
 * or a number without the collective's key; zero means "not given".
 *
 * @param exact a keyed hash of each distinct phonetic word of the name and alias
 * @param coarse a keyed hash of the skeleton of the same word, at the same index
 * @param honorific a bit per word: set when the word is an honorific or suffix (Devi, Bibi)
 * @param phones keyed hashes of the phone numbers given (at most two)
 * @param phoneMasks keyed hashes of the main phone with one digit masked, one per position
 */
public record MatchFeatures(
    long[] exact,
    long[] coarse,
    int honorific,
    long[] phones,
    long[] phoneMasks,
    long village,
    long district,
    int birthYear) {

  /** At most this many name words are kept: longer names are rare and add little. */
  public static final int MAX_WORDS = 8;

  private static final byte VERSION = 1;

  public boolean isHonorific(int word) {
    return (honorific & (1 << word)) != 0;
  }

  public byte[] encode() {
    int size = 1 + 1 + exact.length * 16 + 4 + 1 + phones.length * 8 + 1;
    size += phoneMasks.length * 8 + 8 + 8 + 4;
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION).put((byte) exact.length);
    for (int i = 0; i < exact.length; i++) {
      out.putLong(exact[i]).putLong(coarse[i]);
    }
    out.putInt(honorific).put((byte) phones.length);
    for (long p : phones) {
      out.putLong(p);
    }
    out.put((byte) phoneMasks.length);
    for (long m : phoneMasks) {
      out.putLong(m);
    }
    return out.putLong(village).putLong(district).putInt(birthYear).array();
  }

  public static MatchFeatures decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.get() != VERSION) {
      throw new IllegalArgumentException("unknown match features version");
    }
    int words = in.get();
    long[] exact = new long[words];
    long[] coarse = new long[words];
    for (int i = 0; i < words; i++) {
      exact[i] = in.getLong();
      coarse[i] = in.getLong();
    }
    int honorific = in.getInt();
    long[] phones = new long[in.get()];
    for (int i = 0; i < phones.length; i++) {
      phones[i] = in.getLong();
    }
    long[] masks = new long[in.get()];
    for (int i = 0; i < masks.length; i++) {
      masks[i] = in.getLong();
    }
    return new MatchFeatures(
        exact, coarse, honorific, phones, masks, in.getLong(), in.getLong(), in.getInt());
  }
}
