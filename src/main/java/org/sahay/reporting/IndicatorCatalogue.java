package org.sahay.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sahay.platform.Indicator;
import org.sahay.platform.IndicatorSource;
import org.sahay.platform.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

/**
 * The one catalogue of indicators: every indicator each module publishes, with the module, what it
 * counts, what it is broken down by, and its name and definition in each of the four languages.
 */
@Service
public class IndicatorCatalogue {

  /** An indicator as the catalogue describes it. */
  public record Entry(
      String key,
      String module,
      Indicator.Unit unit,
      Indicator.Breakdown breakdown,
      boolean byDistrict,
      Map<Language, String> names,
      Map<Language, String> definitions) {}

  private final List<IndicatorSource> sources;
  private final MessageSource messages;

  IndicatorCatalogue(List<IndicatorSource> sources, MessageSource messages) {
    this.sources = List.copyOf(sources);
    this.messages = messages;
  }

  public List<Entry> entries() {
    List<Entry> all = new ArrayList<>();
    for (IndicatorSource source : sources) {
      String module = module(source);
      for (Indicator indicator : source.indicators()) {
        Map<Language, String> names = new EnumMap<>(Language.class);
        Map<Language, String> definitions = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
          names.put(language, text("indicator." + indicator.key(), language));
          definitions.put(language, text("indicator." + indicator.key() + ".definition", language));
        }
        all.add(
            new Entry(
                indicator.key(),
                module,
                indicator.unit(),
                indicator.breakdown(),
                source.byDistrict(),
                names,
                definitions));
      }
    }
    return all;
  }

  private String text(String key, Language language) {
    return messages.getMessage(key, null, language.locale());
  }

  private static String module(IndicatorSource source) {
    String name = ClassUtils.getUserClass(source).getPackageName();
    String rest = name.substring("org.sahay.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
