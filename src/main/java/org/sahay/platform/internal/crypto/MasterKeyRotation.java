package org.sahay.platform.internal.crypto;

import org.sahay.platform.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The key-rotation command: {@code java -jar sahay.jar --spring.main.web-application-type=none
 * --sahay.crypto.rotate-master-key=true} adds a new master key, rewraps every data key, and exits.
 */
@Component
@ConditionalOnProperty(name = "sahay.crypto.rotate-master-key", havingValue = "true")
class MasterKeyRotation implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

  private final Vault vault;
  private final ConfigurableApplicationContext context;

  MasterKeyRotation(Vault vault, ConfigurableApplicationContext context) {
    this.vault = vault;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    int rewrapped = vault.rotateMasterKey();
    log.info("Master key rotated; {} data keys rewrapped. Start Sahay again as usual.", rewrapped);
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}
