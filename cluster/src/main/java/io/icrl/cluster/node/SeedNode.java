package io.icrl.cluster.node;

import io.icrl.core.InvalidInputException;

/** A seed node's host and port ({@code host:port}, {@code [ipv6]:port} or a pekko:// address). */
public record SeedNode(String host, int port) {
  /**
   * Parses a seed node.
   *
   * @param where what the value came from, for the error message
   */
  public static SeedNode parse(String text, String where) {
    String s = text.trim();
    String bad = where + ": malformed seed node '" + text + "'; expected HOST:PORT, e.g."
        + " 127.0.0.1:25520";
    if (s.startsWith("pekko://")) {
      int at = s.indexOf('@');
      if (at < 0) {
        throw new InvalidInputException(bad);
      }
      s = s.substring(at + 1);
    }
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      throw new InvalidInputException(bad);
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || host.contains("/") || host.contains("@") || host.contains(" ")
        || (host.contains(":") && !s.startsWith("["))) {
      throw new InvalidInputException(bad);
    }
    int port;
    try {
      port = Integer.parseInt(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(bad);
    }
    if (port < 1 || port > 65535) {
      throw new InvalidInputException(where + ": seed node '" + text + "' has port " + port
          + ", expected 1..65535");
    }
    return new SeedNode(host, port);
  }

  /** The Pekko address of this seed in actor system {@code system}. */
  public String address(String system) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "pekko://" + system + "@" + h + ":" + port;
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
