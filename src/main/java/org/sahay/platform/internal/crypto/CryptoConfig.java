package org.sahay.platform.internal.crypto;

import java.nio.file.Path;
import java.time.Clock;
import org.sahay.platform.Vault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class CryptoConfig {

  @Bean
  MasterKeyset masterKeyset(@Value("${sahay.crypto.master-keyset}") String path) {
    return MasterKeyset.loadOrCreate(Path.of(path));
  }

  @Bean
  Vault vault(
      JdbcClient jdbc, MasterKeyset master, Clock clock, PlatformTransactionManager transactions) {
    return new Vault(jdbc, master, clock, transactions);
  }
}
