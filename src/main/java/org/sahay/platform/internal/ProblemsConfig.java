package org.sahay.platform.internal;

import org.sahay.platform.Problems;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProblemsConfig {

  @Bean
  Problems problems(MessageSource messages) {
    return new Problems(messages);
  }
}
