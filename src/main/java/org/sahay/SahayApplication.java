package org.sahay;

import org.sahay.platform.Commands;
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
    if (Commands.isCommand(args)) {
      System.exit(Commands.run(args, System.out, System.err));
    }
    SpringApplication.run(SahayApplication.class, args);
  }
}
