package org.sahay.platform.internal.crypto;

import org.sahay.platform.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The key-rotation command: {@code java -jar sahay.jar --spring.main.web-application-type=none
 * --sahay.crypto.rotate-master-key=true} adds a new master key, rewraps every data key, and exits;
 * with {@code --sahay.crypto.retire-old-master-keys=true} it also destroys the old master keys, so
 * that older database backups can no longer open any encrypted field.
 *
 * <p>The property is read when the application runs, not as a condition on this bean: the
 * ahead-of-time processed start (bin/sahay) fixes the set of beans when the jar is built, and a
 * condition would have been decided there, once, as false.
 */
@Component
class MasterKeyRotation implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

  private final Vault vault;
  private final ConfigurableApplicationContext context;
  private final boolean rotate;
  private final boolean retire;

  MasterKeyRotation(
      Vault vault,
      ConfigurableApplicationContext context,
      @Value("${sahay.crypto.rotate-master-key:false}") boolean rotate,
      @Value("${sahay.crypto.retire-old-master-keys:false}") boolean retire) {
    this.vault = vault;
    this.context = context;
    this.rotate = rotate;
    this.retire = retire;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!rotate) {
      return;
    }
    int rewrapped = retire ? vault.rotateAndRetireMasterKeys() : vault.rotateMasterKey();
    log.info(
        "Master key rotated{}; {} data keys rewrapped. Start Sahay again as usual.",
        retire ? " and old keys destroyed" : "",
        rewrapped);
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}
