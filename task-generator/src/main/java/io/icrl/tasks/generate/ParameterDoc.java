package io.icrl.tasks.generate;

/**
 * One parameter of a {@link TaskGenerator}: its key in task ids, its default as it appears in an id
 * (empty when the default is derived, e.g. from the seed) and what it means.
 */
public record ParameterDoc(String name, String defaultValue, String description) {
  @Override
  public String toString() {
    return name + (defaultValue.isEmpty() ? "" : " (default " + defaultValue + ")") + ": "
        + description;
  }
}
