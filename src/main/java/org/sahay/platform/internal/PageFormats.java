package org.sahay.platform.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.DateTimeFormatterRegistrar;

/**
 * How page forms read what people type, whatever their language: dates as yyyy-mm-dd (the date
 * field's own format), amounts and quantities with or without grouping commas (1,00,000), and an
 * identifier (any type with a static {@code of(String)}, such as {@code ItemId}) as none when the
 * field was left blank. What cannot be read becomes a binding error the page shows by its field.
 */
final class PageFormats {

  private PageFormats() {}

  static void register(FormatterRegistry registry) {
    var dates = new DateTimeFormatterRegistrar();
    dates.setUseIsoFormat(true);
    dates.registerFormatters(registry);
    registry.addFormatterForFieldType(BigDecimal.class, new Decimals());
    registry.addConverter(new Identifiers());
  }

  /** A decimal as typed: grouping commas and spaces are left out; nothing else is guessed. */
  static final class Decimals implements Formatter<BigDecimal> {

    @Override
    public BigDecimal parse(String text, Locale locale) throws ParseException {
      try {
        return new BigDecimal(text.strip().replace(",", "").replace(" ", ""));
      } catch (NumberFormatException e) {
        throw new ParseException(text, 0);
      }
    }

    @Override
    public String print(BigDecimal value, Locale locale) {
      return value.toPlainString();
    }
  }

  /** Text to an identifier type through its static {@code of(String)}; blank is none. */
  static final class Identifiers implements ConditionalGenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
      return Set.of(new ConvertiblePair(String.class, Record.class));
    }

    @Override
    public boolean matches(TypeDescriptor source, TypeDescriptor target) {
      return factory(target.getType()) != null;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
      String text = (String) source;
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return factory(targetType.getType()).invoke(null, text.strip());
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw new IllegalArgumentException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Method factory(Class<?> type) {
      if (!type.isRecord() || !type.getPackageName().startsWith("org.sahay")) {
        return null;
      }
      try {
        Method of = type.getMethod("of", String.class);
        return Modifier.isStatic(of.getModifiers()) && of.getReturnType() == type ? of : null;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  }
}
