package org.sahay;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of tests that need the whole application on a real port, on H2 or (with SAHAY_TEST_DB_URL)
 * PostgreSQL. All share one application context; every test makes its own organisations and users,
 * so tests never depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
public abstract class IntegrationTest {

  @LocalServerPort protected int port;

  @Autowired protected Fixtures fixtures;

  protected Http http() {
    return new Http(port);
  }
}
