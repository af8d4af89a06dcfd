package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void refusesShortCommonAndUsernamePasswords() {
    assertThat(policy.check("leader.one", "short")).contains("password.tooShort");
    assertThat(policy.check("leader.one", "1234567890")).contains("password.common");
    assertThat(policy.check("leader.one", "Password@123")).contains("password.common");
    assertThat(policy.check("leader.one", "my-leader.one-pass"))
        .contains("password.containsUsername");
    assertThat(policy.check("leader.one", "x".repeat(129))).contains("password.tooLong");
  }

  @Test
  void acceptsALongUncommonPassphrase() {
    assertThat(policy.check("leader.one", "mango monsoon ferry 42")).isEmpty();
    // ten characters in Telugu script count as ten
    assertThat(policy.check("leader.one", "అమ్మఒడిపథకం౧౨")).isEmpty();
  }
}
