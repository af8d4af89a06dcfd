package org.sahay.platform.internal;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How request bodies are read: a list or set in a body may not hold null ({@code "lines":[null]}),
 * which no service expects and one once met with a NullPointerException (a 500, found by
 * ApiFuzzTest); such a body is refused as unreadable, 400, before any service sees it.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodiesConfig {

  @Bean
  JsonMapperBuilderCustomizer noNullsInLists() {
    JsonSetter.Value failOnNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
    return builder -> {
      for (Class<?> type : List.of(List.class, Set.class, Collection.class)) {
        builder.withConfigOverride(type, o -> o.setNullHandling(failOnNullElements));
      }
    };
  }
}
