package io.icrl.synth.format;

/**
 * Summary statistics of trajectories, for {@code icrl data inspect}: row and episode counts and,
 * per behavior tag, how many actions it produced, how often they agree with the label (among
 * labelled rows: a learner prompt leaves other behaviors' rows unlabelled), and the
 * mean return of complete episodes whose majority tag it is (an episode fully masked to unk counts
 * as unk). Scans through {@link WindowSource#read} in windows; allocation-free per row.
 */
public final class DatasetStats {
  public long sequences;
  public long rows;
  public long actionRows;
  public long terminatedEpisodes;
  public long truncatedEpisodes;
  public final long[] tagActions = new long[Tag.COUNT];
  public final long[] tagLabelled = new long[Tag.COUNT];
  public final long[] tagAgreements = new long[Tag.COUNT];
  public final double[] tagRewards = new double[Tag.COUNT];
  public final long[] tagEpisodes = new long[Tag.COUNT];
  public final double[] tagEpisodeReturns = new double[Tag.COUNT];
  public final long[] promptActions = new long[Tag.COUNT];
  public long labelledRows;
  public long agreements;

  /** Scans every row of {@code source}. */
  public static DatasetStats of(WindowSource source) {
    DatasetStats st = new DatasetStats();
    int window = 8192;
    StepWindow w = new StepWindow(window);
    long[] episodeTags = new long[Tag.COUNT];
    for (int s = 0; s < source.sequenceCount(); s++) {
      st.sequences++;
      long n = source.sequenceLength(s);
      double ret = 0;
      java.util.Arrays.fill(episodeTags, 0);
      for (long start = 0; start < n; start += window) {
        int len = (int) Math.min(window, n - start);
        source.read(s, start, len, w);
        for (int i = 0; i < len; i++) {
          st.rows++;
          if (w.action[i] >= 0) {
            st.actionRows++;
            int tag = w.tag[i];
            st.tagActions[tag]++;
            st.tagRewards[tag] += w.reward[i];
            st.promptActions[w.prompt[i]]++;
            if (w.label[i] >= 0) {
              st.labelledRows++;
              st.tagLabelled[tag]++;
            }
            if (w.action[i] == w.label[i]) {
              st.tagAgreements[tag]++;
              st.agreements++;
            }
            episodeTags[tag]++;
            ret += w.reward[i];
          } else {
            if (w.terminated[i]) {
              st.terminatedEpisodes++;
            } else {
              st.truncatedEpisodes++;
            }
            int major = majority(episodeTags);
            st.tagEpisodes[major]++;
            st.tagEpisodeReturns[major] += ret;
            ret = 0;
            java.util.Arrays.fill(episodeTags, 0);
          }
        }
      }
    }
    return st;
  }

  private static int majority(long[] counts) {
    int best = Tag.UNK.ordinal();
    long bestCount = 0;
    for (int t = 0; t < Tag.COUNT; t++) {
      if (t != Tag.UNK.ordinal() && counts[t] > bestCount) {
        best = t;
        bestCount = counts[t];
      }
    }
    return best;
  }

  /** Complete episodes (ending with a boundary row). */
  public long episodes() {
    return terminatedEpisodes + truncatedEpisodes;
  }

  /** Fraction of labelled action rows whose behavior action equals the label. */
  public double agreementRate() {
    return labelledRows == 0 ? Double.NaN : (double) agreements / labelledRows;
  }

  /** Fraction of labelled rows of tag code {@code tag} whose action equals the label. */
  public double agreementRate(int tag) {
    return tagLabelled[tag] == 0 ? Double.NaN : (double) tagAgreements[tag] / tagLabelled[tag];
  }
}
