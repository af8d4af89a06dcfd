package org.sahay.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Whom support, relief or a need is for: a member, a household, or a person who is not a member
 * (relief's non-member recipient). One encoding, {@link #key()}, wherever it is stored or sent in a
 * form: {@code M:}, {@code H:} or {@code R:} and the id.
 */
public sealed interface Beneficiary {

  /** The kind and id as stored and sent, for example {@code M:} and the member's id. */
  String key();

  /** A member of the collective. */
  record Member(MemberId id) implements Beneficiary {
    public Member {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String key() {
      return "M:" + id.value();
    }
  }

  /** A household of the collective. */
  record Household(HouseholdId id) implements Beneficiary {
    public Household {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String key() {
      return "H:" + id.value();
    }
  }

  /** Someone relief reaches who is not a member; the id is relief's recipient id. */
  record NonMember(UUID id) implements Beneficiary {
    public NonMember {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String key() {
      return "R:" + id;
    }
  }

  static Beneficiary member(MemberId id) {
    return new Member(id);
  }

  static Beneficiary household(HouseholdId id) {
    return new Household(id);
  }

  /** The beneficiary a key names; empty for anything that is not one. */
  static Optional<Beneficiary> parse(String key) {
    if (key == null || key.length() < 3 || key.charAt(1) != ':') {
      return Optional.empty();
    }
    UUID id;
    try {
      id = UUID.fromString(key.substring(2).strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return switch (key.charAt(0)) {
      case 'M' -> Optional.of(new Member(new MemberId(id)));
      case 'H' -> Optional.of(new Household(new HouseholdId(id)));
      case 'R' -> Optional.of(new NonMember(id));
      default -> Optional.empty();
    };
  }

  /**
   * The member or the household named by one of two ids as sent by a form or a program (the member
   * when both are given); empty when neither is a well-formed id.
   */
  static Optional<Beneficiary> of(String memberId, String householdId) {
    try {
      if (memberId != null && !memberId.isBlank()) {
        return Optional.of(new Member(MemberId.of(memberId.strip())));
      }
      if (householdId != null && !householdId.isBlank()) {
        return Optional.of(new Household(HouseholdId.of(householdId.strip())));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The member's id, when this is a member. */
  default Optional<MemberId> memberId() {
    return this instanceof Member m ? Optional.of(m.id()) : Optional.empty();
  }

  /** The household's id, when this is a household. */
  default Optional<HouseholdId> householdId() {
    return this instanceof Household h ? Optional.of(h.id()) : Optional.empty();
  }
}
