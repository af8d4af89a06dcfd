package org.sahay.platform.internal.crypto;

import java.nio.file.Path;
import java.time.Clock;
import org.sahay.platform.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class CryptoConfig {

  private static final Logger log = LoggerFactory.getLogger(CryptoConfig.class);

  @Bean
  MasterKeyset masterKeyset(
      @Value("${sahay.crypto.master-keyset:}") String configured,
      @Value("${sahay.data-dir}") String dataDirectory) {
    KeysetLocation location = KeysetLocation.resolve(configured, Path.of(dataDirectory));
    if (location.insideDataDirectory()) {
      log.warn(
          "The master keyset {} lies inside the data directory {}: a copy of that directory"
              + " carries the keys that open it, and erasure never reaches them. Stop Sahay, move"
              + " the keyset elsewhere (for example {}) and set SAHAY_MASTER_KEYSET to it; back up"
              + " the database and the keyset to different places.",
          location.path().toAbsolutePath(),
          Path.of(dataDirectory).toAbsolutePath().normalize(),
          KeysetLocation.besideDataDirectory(Path.of(dataDirectory)));
    }
    return MasterKeyset.loadOrCreate(location.path());
  }

  @Bean
  Vault vault(
      JdbcClient jdbc,
      MasterKeyset master,
      Clock clock,
      @Value("${sahay.crypto.unwrapped-keys:" + Vault.DEFAULT_UNWRAPPED_KEYS + "}")
          int unwrappedKeys) {
    return new Vault(jdbc, master, clock, unwrappedKeys);
  }
}
