package org.sahay.relief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Stock a collective received: what, how much, from where, and on which day. */
public record StockReceipt(
    UUID id, ItemId item, BigDecimal quantity, StockSource source, LocalDate receivedOn) {}
