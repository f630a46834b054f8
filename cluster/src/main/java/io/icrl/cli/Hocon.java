package io.icrl.cli;

import java.util.List;

/** Renders command-line values as HOCON literals for {@code --set}-style overrides. */
final class Hocon {
  private Hocon() {}

  /** A quoted HOCON string. */
  static String string(String value) {
    return com.typesafe.config.ConfigValueFactory.fromAnyRef(value).render();
  }

  /** A HOCON list of quoted strings. */
  static String list(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(com.typesafe.config.ConfigValueFactory
          .fromAnyRef(items.get(i).trim()).render());
    }
    return sb.append(']').toString();
  }
}
