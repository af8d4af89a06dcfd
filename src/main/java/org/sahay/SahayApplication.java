package org.sahay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Sahay: confidential relief, entitlements and resilience platform for survivor-led collectives.
 */
@SpringBootApplication
@EnableScheduling
public class SahayApplication {

  public static void main(String[] args) {
    SpringApplication.run(SahayApplication.class, args);
  }
}
