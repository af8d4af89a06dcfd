package org.sahay.registry;

/**
 * Builds a synthetic {@link MemberInput} for tests, so a test names only the fields it cares about
 * instead of passing eighteen arguments, most of them null. The member is female; every field not
 * set here stays null, as a form left blank would send it.
 */
public final class MemberInputs {

  private final String name;
  private Integer yearOfBirth;
  private String phone;
  private String state;
  private String district;
  private String village;

  private MemberInputs(String name) {
    this.name = name;
  }

  /** A member called {@code name}, with nothing else known yet. */
  public static MemberInputs member(String name) {
    return new MemberInputs(name);
  }

  public MemberInputs yearOfBirth(int yearOfBirth) {
    this.yearOfBirth = yearOfBirth;
    return this;
  }

  public MemberInputs phone(String phone) {
    this.phone = phone;
    return this;
  }

  public MemberInputs state(String state) {
    this.state = state;
    return this;
  }

  public MemberInputs district(String district) {
    this.district = district;
    return this;
  }

  public MemberInputs village(String village) {
    this.village = village;
    return this;
  }

  public MemberInput build() {
    return new MemberInput(
        name,
        null,
        "FEMALE",
        null,
        yearOfBirth,
        phone,
        null,
        state,
        district,
        null,
        village,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
