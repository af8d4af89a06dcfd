package org.sahay.registry;

/** A document as typed: checked by the registry, which names the field that is wrong. */
public record DocumentInput(
    String type, String status, String number, String detail, Boolean janDhan) {}
