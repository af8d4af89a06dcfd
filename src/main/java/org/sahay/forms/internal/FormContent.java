package org.sahay.forms.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.forms.Choice;
import org.sahay.forms.Question;

/** What a form says, as read from its sheets; also the shape of its stored JSON. */
public record FormContent(
    int schema,
    String formId,
    String version,
    String title,
    String defaultLanguage,
    List<Question> questions,
    Map<String, List<Choice>> lists) {

  /** The version of this JSON shape; raise it when the shape changes, and read the old ones. */
  public static final int SCHEMA = 1;

  public FormContent {
    questions = List.copyOf(questions);
    Map<String, List<Choice>> copy = new LinkedHashMap<>();
    lists.forEach((name, choices) -> copy.put(name, List.copyOf(choices)));
    lists = Collections.unmodifiableMap(copy);
  }
}
