package org.sahay.platform.internal.crypto;

import java.time.Clock;
import org.sahay.platform.Vault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class CryptoConfig {

  @Bean
  MasterKeyset masterKeyset(
      @Value("${sahay.crypto.master-keyset:}") String configured,
      @Value("${sahay.data-dir}") String dataDirectory) {
    return KeysetFiles.master(configured, dataDirectory);
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
