package org.sahay.forms.web;

/** A form the user may fill, as the list of forms shows it. */
public record ListedForm(String formId, String title) {}
