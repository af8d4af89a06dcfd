package org.sahay.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.platform.FormState;
import org.sahay.platform.OrganisationId;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

class PageFormatsTest {

  private final FormattingConversionService conversion = new FormattingConversionService();

  PageFormatsTest() {
    PageFormats.register(conversion);
  }

  @Test
  void decimalsMayHaveIndianGroupingAndNothingElseIsGuessed() {
    assertThat(conversion.convert("1,00,000.50", BigDecimal.class))
        .isEqualByComparingTo("100000.50");
    assertThat(conversion.convert(" 2 500 ", BigDecimal.class)).isEqualByComparingTo("2500");
    assertThat(conversion.convert("", BigDecimal.class)).isNull();
    assertThatThrownBy(() -> conversion.convert("ten", BigDecimal.class))
        .isInstanceOf(ConversionFailedException.class);
  }

  @Test
  void datesAreYearMonthDayInEveryLanguage() {
    assertThat(conversion.convert("2026-05-01", LocalDate.class))
        .isEqualTo(LocalDate.of(2026, 5, 1));
    assertThatThrownBy(() -> conversion.convert("01/05/2026", LocalDate.class))
        .isInstanceOf(ConversionFailedException.class);
  }

  @Test
  void aBlankIdentifierIsNoneAndAWrongOneIsRefused() {
    var id = OrganisationId.newId();
    assertThat(conversion.convert(" " + id + " ", OrganisationId.class)).isEqualTo(id);
    assertThat(conversion.convert("  ", OrganisationId.class)).isNull();
    assertThatThrownBy(() -> conversion.convert("not-an-id", OrganisationId.class))
        .isInstanceOf(ConversionFailedException.class);
  }

  record Row(OrganisationId item, BigDecimal quantity) {}

  record Form(String name, LocalDate on, List<Row> lines, List<String> tags) {}

  @Test
  void aBoundFormIsShownAgainAsTypedWithWhatCouldNotBeReadByField() {
    var id = OrganisationId.newId();
    var form =
        new Form(
            "Rice",
            LocalDate.of(2026, 5, 1),
            List.of(new Row(id, new BigDecimal("2.50")), new Row(null, null)),
            List.of("x"));
    var binding = new BeanPropertyBindingResult(form, "form");
    binding.addError(
        new FieldError("form", "lines[1].quantity", "lots", true, null, null, "typeMismatch"));
    binding.addError(new FieldError("form", "on", "soon", true, null, null, "typeMismatch"));

    var errors = FormState.unreadable(binding, Map.of("lines.quantity", "relief.quantity.invalid"));
    assertThat(errors)
        .containsExactly(
            Map.entry("lines", "relief.quantity.invalid"), Map.entry("on", "form.unreadable"));

    var state = FormState.of(form, binding, errors);
    assertThat(state.values())
        .containsEntry("name", "Rice")
        .containsEntry("on", "soon")
        .containsEntry("lines[0].item", id.toString())
        .containsEntry("lines[0].quantity", "2.50")
        .containsEntry("lines[1].quantity", "lots")
        .doesNotContainKey("tags");
  }
}
