package io.icrl.eval;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import io.icrl.eval.agent.ContextPolicy;
import io.icrl.synth.format.Tag;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How one mode feeds its agents ({@code icrl.eval.online|imitation|offline}).
 *
 * @param episodes context episodes (K demonstrations, N degraded episodes; 0 online)
 * @param policy behavior of the context data: {@code optimal}, {@code noisy-oracle} or {@code
 *     random} ({@code none} online)
 * @param epsilon random-action probability of the noisy oracle
 * @param dataTag tag fed with the context data's rows
 * @param prompt prompt fed with every row (the policy the model is asked to be)
 * @param tag tag fed with the agent's own rows
 * @param temperatureStart the in-context model's temperature in this mode's first episode,
 *     replacing {@code icrl.eval.temperature.start}; empty (setting {@code temperature-start =
 *     null}) keeps it
 * @param temperatureEnd the in-context model's annealed temperature in this mode, replacing
 *     {@code icrl.eval.temperature.end}; empty (setting {@code temperature-end = null}) keeps it
 * @param context what the in-context agent keeps in its model's context when it is full ({@code
 *     pin-data}: the largest share of the context for the mode's context data and the agent's
 *     first {@code pin-episodes} own episodes, kept at its start; {@code drop}: which of the
 *     agent's other episodes go first, {@code oldest} or {@code lowest-return}); share 0 pins
 *     nothing
 */
public record ModeSettings(int episodes, String policy, double epsilon, Tag dataTag, Tag prompt,
    Tag tag, OptionalDouble temperatureStart, OptionalDouble temperatureEnd, ContextPolicy context) {
  /** Behavior policies context data can come from. */
  public static final List<String> POLICIES = List.of("optimal", "noisy-oracle", "random");
  /** What a full context drops first of the agent's own episodes. */
  public static final List<String> DROPS = List.of("oldest", "lowest-return");

  /** Reads the settings of {@code mode} under {@code root} (e.g. {@code icrl.eval}). */
  public static ModeSettings fromConfig(Config c, String root, Mode mode) {
    String p = root + "." + mode.id();
    Tag prompt = tag(c, p + ".prompt");
    Tag own = tag(c, p + ".tag");
    OptionalDouble start = optionalTemperature(c, p + ".temperature-start");
    OptionalDouble end = optionalTemperature(c, p + ".temperature-end");
    ContextPolicy context = context(c, p);
    if (mode == Mode.ONLINE) {
      return new ModeSettings(0, "none", 0, Tag.UNK, prompt, own, start, end, context);
    }
    return new ModeSettings(Settings.positiveInt(c, p + ".episodes"),
        Settings.oneOf(c, p + ".policy", POLICIES), Settings.probability(c, p + ".epsilon"),
        tag(c, p + ".data-tag"), prompt, own, start, end, context);
  }

  private static ContextPolicy context(Config c, String p) {
    double share = Settings.probability(c, p + ".pin-data");
    if (share >= 1) {
      throw new InvalidInputException("setting " + p + ".pin-data = " + share
          + ": must be below 1 (the agent's own episode needs room in the context)");
    }
    int own = Settings.nonNegativeInt(c, p + ".pin-episodes");
    if (own > 0 && share == 0) {
      throw new InvalidInputException("setting " + p + ".pin-episodes = " + own
          + ": pins nothing while " + p + ".pin-data = 0; give the pinned rows a share");
    }
    boolean lowestReturnFirst = Settings.oneOf(c, p + ".drop", DROPS).equals("lowest-return");
    return new ContextPolicy(share, own, lowestReturnFirst);
  }

  private static OptionalDouble optionalTemperature(Config c, String path) {
    return c.getIsNull(path) ? OptionalDouble.empty()
        : OptionalDouble.of(Settings.nonNegative(c, path));
  }

  private static Tag tag(Config c, String path) {
    String v = Settings.string(c, path);
    try {
      return Tag.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("setting " + path + " = " + v + ": expected a tag, one of"
          + " OPT0, OPT1, OPT2, OPT3, EXP1, EXP2, RND, UNK");
    }
  }
}
