package io.icrl.synth.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.synth.SynthSettings;
import io.icrl.synth.TestSettings;
import io.icrl.synth.behavior.ReferencePolicies;
import io.icrl.synth.bench.SparseRandomMdps;
import io.icrl.synth.format.Tag;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequenceSynthesizerTest {
  private static final byte UNK = Tag.UNK.code();

  private static SynthSettings settings(List<String> extra, String... more) {
    List<String> o = new ArrayList<>(extra);
    o.add("icrl.synth.tags.mask-sequence-probability=0");
    o.add("icrl.synth.tags.mask-episode-probability=0");
    o.add("icrl.synth.steps=3000");
    o.addAll(List.of(more));
    return TestSettings.of(o.toArray(new String[0]));
  }

  /** Checks row structure and that labels, prompts and tags agree with the reference policies. */
  private static Set<Tag> checkConsistent(SequenceSynthesizer synth, SequenceColumns c) {
    SequenceInfo info = c.info();
    TabularMdp mdp = synth.tasks().mdp(info.taskSeed());
    ReferencePolicies refs = ReferencePolicies.solve(mdp, List.of(0.0, 0.5, 0.93, 0.994));
    Set<Tag> seen = EnumSet.noneOf(Tag.class);
    int episode = 0;
    int step = 0;
    for (int i = 0; i < c.rows(); i++) {
      String where = "row " + i + " of sequence " + info.sequence();
      assertTrue(c.state[i] >= 0 && c.state[i] < info.states(), where);
      assertEquals(episode, c.episode[i], where);
      assertEquals(step, c.episodeStep[i], where);
      if (c.action[i] >= 0) {
        assertTrue(c.action[i] < info.actions(), where);
        int prompt = c.prompt[i];
        Tag tag = Tag.ofCode(c.tag[i]);
        assertTrue(prompt >= 0 && prompt <= Tag.EXP2.code(), where);
        if (prompt <= Tag.OPT3.code()) {
          assertEquals(refs.action(prompt, c.state[i]), c.label[i], where + ": label is opt_prompt");
        } else {
          assertEquals(tag.code() == prompt ? c.action[i] : -1, c.label[i],
              where + ": under a learner prompt the label is that learner's own action");
        }
        seen.add(tag);
        if (tag.ordinal() <= Tag.OPT3.ordinal()) {
          assertEquals(refs.action(tag.ordinal(), c.state[i]), c.action[i],
              where + ": an optK-tagged action is opt_k's");
        }
        assertFalse(c.terminated[i] || c.truncated[i], where + ": flags only on boundary rows");
        step++;
      } else {
        assertEquals(-1, c.action[i], where);
        assertEquals(-1, c.label[i], where);
        assertEquals(UNK, c.prompt[i], where);
        assertEquals(UNK, c.tag[i], where);
        assertEquals(0f, c.reward[i], where);
        assertTrue(c.terminated[i] ^ c.truncated[i], where + ": a boundary says how it ended");
        if (c.truncated[i]) {
          assertEquals(mdp.maxEpisodeSteps(), step, where + ": truncated at the step limit");
        } else {
          assertTrue(mdp.isTerminal(c.state[i]), where + ": terminated in a terminal state");
        }
        episode++;
        step = 0;
      }
    }
    assertEquals(c.episode[c.rows() - 1] + 1, info.episodes());
    return seen;
  }

  private static Set<Tag> tagsOfOnly(String behavior, String... more) {
    SynthSettings s = settings(TestSettings.only(behavior), more);
    SequenceSynthesizer synth = new SequenceSynthesizer(s, SparseRandomMdps.registry());
    Set<Tag> all = EnumSet.noneOf(Tag.class);
    for (int i = 0; i < 3; i++) {
      SequenceColumns c = synth.synthesize(i);
      assertEquals(behavior, c.info().initialBehavior());
      all.addAll(checkConsistent(synth, c));
    }
    return all;
  }

  @Test
  void everyBehaviorTagsWhatProducedItsActions() {
    assertEquals(EnumSet.of(Tag.OPT1), tagsOfOnly("opt1"));
    assertEquals(EnumSet.of(Tag.OPT0), tagsOfOnly("opt0"));
    assertEquals(EnumSet.of(Tag.RND), tagsOfOnly("random"));
    assertEquals(EnumSet.of(Tag.RND), tagsOfOnly("uniform-random"));
    assertTrue(EnumSet.of(Tag.RND, Tag.OPT3).containsAll(tagsOfOnly("noisy-opt3")));
    assertTrue(tagsOfOnly("noisy-opt3").contains(Tag.OPT3));
    assertTrue(EnumSet.of(Tag.RND, Tag.EXP2).containsAll(tagsOfOnly("q-learning")));
    assertTrue(tagsOfOnly("q-learning").contains(Tag.EXP2));
    assertTrue(EnumSet.of(Tag.RND, Tag.EXP1).containsAll(tagsOfOnly("model-based")));
    assertTrue(EnumSet.of(Tag.RND, Tag.EXP1, Tag.OPT2).containsAll(tagsOfOnly("guided-opt2")));
    assertEquals(EnumSet.of(Tag.EXP2), tagsOfOnly("ad-q-learning"));
    assertEquals(EnumSet.of(Tag.EXP1), tagsOfOnly("ad-model-based"));
  }

  @Test
  void defaultMixtureIsConsistentAndSwitches() {
    SynthSettings s = settings(List.of(), "icrl.synth.behavior.switch-probability=0.5",
        "icrl.synth.behavior.switch-sequence-probability=1",
        "icrl.synth.reference.mix.opt0=1", "icrl.synth.reference.mix.opt1=1",
        "icrl.synth.reference.mix.opt2=1", "icrl.synth.reference.switch-sequence-probability=1");
    SequenceSynthesizer synth = new SequenceSynthesizer(s, SparseRandomMdps.registry());
    for (int i = 0; i < 4; i++) {
      SequenceColumns c = synth.synthesize(i);
      Set<Tag> tags = checkConsistent(synth, c);
      assertTrue(c.info().switching());
      assertTrue(c.info().switches() > 0, "sequence " + i + " switched behaviors");
      assertTrue(tags.size() >= 3, "several behaviors' tags in one sequence: " + tags);
      long prompts = Arrays.stream(toInts(c.prompt)).filter(p -> p >= 0 && p < 4).distinct()
          .count();
      assertEquals(4, prompts, "the prompt changes within the sequence");
    }
  }

  @Test
  void learnerPromptLabelsTheLearnersOwnActions() {
    for (String behavior : List.of("ad-model-based", "model-based")) {
      SynthSettings s = settings(TestSettings.only(behavior), "icrl.synth.reference.mix.opt3=1",
          "icrl.synth.reference.mix.exp1=1", "icrl.synth.reference.switch-sequence-probability=1",
          "icrl.synth.seed=3");
      SequenceSynthesizer synth = new SequenceSynthesizer(s, SparseRandomMdps.registry());
      int ownLabels = 0;
      int optLabels = 0;
      for (int i = 0; i < 3; i++) {
        SequenceColumns c = synth.synthesize(i);
        checkConsistent(synth, c); // exp1 rows: label = action where tagged exp1, else -1
        for (int r = 0; r < c.rows(); r++) {
          if (c.prompt[r] == Tag.EXP1.code() && c.label[r] >= 0) {
            assertEquals(c.action[r], c.label[r]);
            ownLabels++;
          } else if (c.prompt[r] == Tag.OPT3.code()) {
            optLabels++;
          }
        }
      }
      assertTrue(ownLabels > 1000 && optLabels > 1000,
          behavior + ": both prompts label rows (" + ownLabels + " own, " + optLabels + " opt3)");
    }
  }

  @Test
  void defaultPromptIsOpt3() {
    SynthSettings s = settings(List.of());
    SequenceColumns c = new SequenceSynthesizer(s, SparseRandomMdps.registry()).synthesize(0);
    for (int i = 0; i < c.rows(); i++) {
      assertEquals(c.action[i] < 0 ? UNK : 3, c.prompt[i]);
    }
  }

  @Test
  void noiseDistillationNoiseDecaysAcrossEpisodes() {
    SynthSettings s = settings(TestSettings.only("noise-distillation"),
        "icrl.synth.noise-distillation.fraction-min=0.5",
        "icrl.synth.noise-distillation.fraction-max=0.5", "icrl.synth.steps=6000");
    SequenceColumns c = new SequenceSynthesizer(s, SparseRandomMdps.registry()).synthesize(1);
    int n = c.rows();
    double early = randomShare(c, 0, n / 10);
    double middle = randomShare(c, n / 4, n / 3);
    assertTrue(early > 0.7 && middle < early, "noise decays: " + early + " -> " + middle);
    // From the first episode starting after row n/2 on, the demonstrator acts without noise.
    int from = n / 2;
    while (from < n && c.episodeStep[from] != 0) {
      from++;
    }
    assertEquals(0.0, randomShare(c, from, n));
    assertFalse(c.info().switching());
  }

  @Test
  void tagMasking() {
    List<String> o = new ArrayList<>(TestSettings.only("q-learning"));
    SynthSettings all = TestSettings.of(concat(o, "icrl.synth.tags.mask-sequence-probability=1"));
    SequenceColumns c = new SequenceSynthesizer(all, SparseRandomMdps.registry()).synthesize(0);
    assertTrue(c.info().tagsMasked());
    for (byte t : c.tag) {
      assertEquals(UNK, t);
    }
    SynthSettings half = TestSettings.of(concat(o, "icrl.synth.tags.mask-sequence-probability=0",
        "icrl.synth.tags.mask-episode-probability=0.5"));
    c = new SequenceSynthesizer(half, SparseRandomMdps.registry()).synthesize(0);
    int maskedEpisodes = 0;
    int episodes = c.info().episodes();
    for (int e = 0; e < episodes; e++) {
      int masked = 0;
      int actions = 0;
      for (int i = 0; i < c.rows(); i++) {
        if (c.episode[i] == e && c.action[i] >= 0) {
          actions++;
          masked += c.tag[i] == UNK ? 1 : 0;
        }
      }
      assertTrue(masked == 0 || masked == actions, "episode " + e + " is masked entirely or not");
      maskedEpisodes += masked > 0 ? 1 : 0;
    }
    assertTrue(maskedEpisodes > episodes / 4 && maskedEpisodes < 3 * episodes / 4,
        maskedEpisodes + " of " + episodes + " episodes masked");
  }

  @Test
  void sequencesAreAPureFunctionOfSeedAndIndex() {
    SynthSettings s = TestSettings.of("icrl.synth.steps=2000", "icrl.synth.seed=42");
    SequenceSynthesizer a = new SequenceSynthesizer(s, SparseRandomMdps.registry());
    SequenceSynthesizer b = new SequenceSynthesizer(s, SparseRandomMdps.registry());
    SequenceColumns x = a.synthesize(5);
    a.synthesize(6);
    SequenceColumns y = b.synthesize(5);
    assertArrayEquals(x.state, y.state);
    assertArrayEquals(x.action, y.action);
    assertArrayEquals(x.label, y.label);
    assertArrayEquals(x.tag, y.tag);
    assertArrayEquals(x.prompt, y.prompt);
    assertArrayEquals(x.reward, y.reward);
    assertArrayEquals(x.terminated, y.terminated);
    assertEquals(x.info(), y.info());
    assertFalse(Arrays.equals(x.action, a.synthesize(4).action));
    SynthSettings other = TestSettings.of("icrl.synth.steps=2000", "icrl.synth.seed=43");
    assertNotEquals(x.info().taskSeed(),
        new SequenceSynthesizer(other, SparseRandomMdps.registry()).synthesize(5).info().taskSeed());
  }

  @Test
  void taskSeedsStayInTheConfiguredRange() {
    SynthSettings s = TestSettings.of("icrl.synth.task.seed-start=1000",
        "icrl.synth.task.seed-count=10");
    TaskSource t = new TaskSource(s.task(), SparseRandomMdps.registry());
    Set<Long> seen = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      long seed = t.taskSeed(s.seed(), i);
      assertTrue(seed >= 1000 && seed < 1010);
      seen.add(seed);
    }
    assertEquals(10, seen.size());
  }

  @Test
  void mixedInTasksGetTheirShareOfSequences() {
    SynthSettings s = TestSettings.of("icrl.synth.steps=64",
        "icrl.synth.task.mix=[{ weight = 0.3, id = \"" + SparseRandomMdps.NAME
            + ":states=8,actions=3,noise=0.1\" }]");
    SequenceSynthesizer synth = new SequenceSynthesizer(s, SparseRandomMdps.registry());
    int mixed = 0;
    int n = 200;
    for (int i = 0; i < n; i++) {
      String id = synth.tasks().taskId(s.seed(), i);
      long seed = synth.tasks().taskSeed(s.seed(), i);
      if (id.contains("states=8")) {
        mixed++;
        assertEquals(SparseRandomMdps.NAME + ":states=8,actions=3,noise=0.1,seed=" + seed, id);
      } else {
        assertEquals(s.task().taskId(seed), id);
      }
    }
    assertTrue(mixed > 0.2 * n && mixed < 0.4 * n, "mixed-in share " + mixed + "/" + n);
    for (int i = 0; i < 20; i++) {
      SequenceColumns c = synth.synthesize(i);
      String id = synth.tasks().taskId(s.seed(), i);
      assertEquals(id, c.info().taskId());
      assertEquals(id.contains("states=8") ? 8 : 16, c.info().states());
      assertEquals(id.contains("states=8") ? 3 : 5, c.info().actions());
    }
    // without a mix the task-kind stream is never drawn: the same sequences as before
    SynthSettings plain = TestSettings.of("icrl.synth.steps=64");
    SequenceSynthesizer p = new SequenceSynthesizer(plain, SparseRandomMdps.registry());
    for (int i = 0; i < 20; i++) {
      assertEquals(plain.task().taskId(p.tasks().taskSeed(plain.seed(), i)),
          p.tasks().taskId(plain.seed(), i));
    }
  }

  private static double randomShare(SequenceColumns c, int from, int to) {
    int rnd = 0;
    int actions = 0;
    for (int i = from; i < to; i++) {
      if (c.action[i] >= 0) {
        actions++;
        rnd += c.tag[i] == Tag.RND.code() ? 1 : 0;
      }
    }
    return (double) rnd / actions;
  }

  private static int[] toInts(byte[] b) {
    int[] r = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[i];
    }
    return r;
  }

  private static String[] concat(List<String> a, String... b) {
    List<String> r = new ArrayList<>(a);
    r.addAll(List.of(b));
    return r.toArray(new String[0]);
  }
}
