package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** A name typed in ASCII skips ICU; that short way must give exactly what ICU gives. */
class NameKeysAsciiTest {

  @Property(tries = 3000)
  void anyAsciiTextGivesTheSameKeysWithoutIcu(
      @ForAll @CharRange(from = 0, to = 127) @StringLength(max = 40) String text) {
    assertThat(NameKeys.latin(text, true)).isEqualTo(NameKeys.latin(text, false));
    assertThat(NameKeys.phonetic(text, true)).isEqualTo(NameKeys.phonetic(text, false));
  }

  @Property(tries = 2000)
  void nameLikeAsciiTextGivesTheSameKeysWithoutIcu(
      @ForAll
          @Chars({' ', '\'', '.', '-'})
          @CharRange(from = 'a', to = 'z')
          @CharRange(from = 'A', to = 'Z')
          @StringLength(min = 1, max = 30)
          String name) {
    assertThat(NameKeys.phonetic(name, true)).isEqualTo(NameKeys.phonetic(name, false));
  }
}
