package org.sahay.forms.web;

import java.util.List;
import java.util.Map;

/** One page of the review: its title and each question with the answer given, as shown. */
public record ReviewedPage(int number, String title, List<Map.Entry<String, String>> answers) {}
