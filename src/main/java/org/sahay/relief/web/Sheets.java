package org.sahay.relief.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sahay.access.Actor;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.IndianFormats;
import org.sahay.platform.Ui;
import org.sahay.registry.Household;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.sahay.relief.Distribution;
import org.sahay.relief.DistributionRounds;
import org.sahay.relief.Item;
import org.sahay.relief.ItemId;
import org.sahay.relief.ItemLine;
import org.sahay.relief.Kit;
import org.sahay.relief.Location;
import org.sahay.relief.Recipient;
import org.sahay.relief.RecipientId;
import org.sahay.relief.Recipients;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.relief.Round;
import org.sahay.relief.RoundId;
import org.springframework.stereotype.Component;

/**
 * A round's distribution sheet, the same for the printable page and the PDF: who received (code and
 * name), when and by whom, in the collective's language, with what each recipient gets.
 */
@Component
public class Sheets {

  static final int MAX_ROWS = 2000;

  /** Empty numbered rows after the last hand-over, for hand-overs written in by hand. */
  public static final int BLANK_ROWS = 10;

  /** The sheet: {@code ui} speaks the collective's language; {@code place} may be empty. */
  public record Sheet(
      Ui ui,
      Round round,
      Organisation collective,
      String place,
      String eachGets,
      List<SheetRow> rows,
      Map<ItemId, Item> items) {}

  private final DistributionRounds rounds;
  private final Recipients recipients;
  private final ReliefCatalogue catalogue;
  private final Households households;
  private final Organisations organisations;

  Sheets(
      DistributionRounds rounds,
      Recipients recipients,
      ReliefCatalogue catalogue,
      Households households,
      Organisations organisations) {
    this.rounds = rounds;
    this.recipients = recipients;
    this.catalogue = catalogue;
    this.households = households;
    this.organisations = organisations;
  }

  Sheet of(Actor actor, RoundId id, Ui ui) {
    Round round = rounds.get(actor, id);
    Organisation collective = organisations.find(round.organisation()).orElseThrow();
    Ui printed = ui.in(collective.defaultLanguage());
    List<Distribution> given = rounds.distributions(actor, id, MAX_ROWS, 0);
    Map<MemberId, Household.Person> people = new HashMap<>();
    households
        .people(actor, given.stream().map(Distribution::member).filter(Objects::nonNull).toList())
        .forEach(p -> people.put(p.id(), p));
    Map<RecipientId, Recipient> others =
        recipients.all(
            actor, given.stream().map(Distribution::recipient).filter(Objects::nonNull).toList());
    List<SheetRow> rows = new ArrayList<>();
    for (Distribution d : given) {
      Household.Person person = d.member() == null ? null : people.get(d.member());
      Recipient other = d.recipient() == null ? null : others.get(d.recipient());
      rows.add(
          new SheetRow(
              rows.size() + 1,
              person != null ? person.code() : "",
              person != null
                  ? Optional.ofNullable(person.name()).orElse("")
                  : other != null ? Optional.ofNullable(other.name()).orElse("") : "",
              IndianFormats.dateTime(d.recordedAt(), collective.timeZone(), printed.language()),
              d.recordedBy(),
              d.reversedAt() != null,
              d.id()));
    }
    Map<ItemId, Item> items = new HashMap<>();
    catalogue.items(actor).forEach(i -> items.put(i.id(), i));
    return new Sheet(
        printed,
        round,
        collective,
        place(actor, round),
        eachGets(actor, round, items, printed),
        rows,
        items);
  }

  private String place(Actor actor, Round round) {
    return catalogue.locations(actor).stream()
        .filter(l -> l.id().equals(round.location()))
        .map(Location::name)
        .findFirst()
        .orElse("");
  }

  /** Ration kit: 5 kg Rice, 1 litre Oil; or the items alone when the round has no kit. */
  private String eachGets(Actor actor, Round round, Map<ItemId, Item> items, Ui ui) {
    List<String> lines = new ArrayList<>();
    for (ItemLine line : round.lines()) {
      Item item = items.get(line.item());
      lines.add(
          line.quantity().toPlainString()
              + " "
              + ui.t("relief.unit." + item.unit().name())
              + " "
              + item.names().in(ui.language()));
    }
    String what = String.join(", ", lines);
    if (round.kit() == null) {
      return what;
    }
    return catalogue.kits(actor).stream()
        .filter(k -> k.id().equals(round.kit()))
        .map(Kit::names)
        .map(names -> names.in(ui.language()) + ": " + what)
        .findFirst()
        .orElse(what);
  }
}
