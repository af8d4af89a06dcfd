package org.sahay.forms;

/** One choice of a choice list: the value stored and its label. */
public record Choice(String name, Text label) {}
