package org.sahay;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the user tables so that a test sees Sahay as on its very first start. */
public final class FirstRunReset {

  private FirstRunReset() {}

  public static void removeAllUsers(JdbcClient jdbc) {
    jdbc.sql("delete from spring_session_attributes").update();
    jdbc.sql("delete from spring_session").update();
    jdbc.sql("delete from api_token").update();
    jdbc.sql("delete from app_user_role").update();
    jdbc.sql("delete from user_grant").update();
    jdbc.sql("delete from user_second_factor").update();
    jdbc.sql("delete from passkey_credential").update();
    jdbc.sql("delete from passkey_user").update();
    jdbc.sql("delete from app_user").update();
  }
}
