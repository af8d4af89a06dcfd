package org.sahay.forms.internal;

import java.util.regex.Pattern;

/** Field, group and choice list names: XML names without namespaces, as XLSForm requires. */
final class Names {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private Names() {}

  static boolean isValid(String name) {
    return NAME.matcher(name).matches();
  }
}
