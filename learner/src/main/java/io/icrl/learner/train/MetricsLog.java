package io.icrl.learner.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code RUN/metrics.jsonl}: one JSON object per logged step. On resume, lines past the
 * checkpoint's step (written after the last checkpoint by the interrupted run) are dropped, so the
 * log reads as one run.
 */
public final class MetricsLog implements LearnerMetrics, AutoCloseable {
  public static final String FILE = "metrics.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;
  private final int every;

  public MetricsLog(Path run, long resumeStep, int every) throws IOException {
    this.every = every;
    Path file = run.resolve(FILE);
    List<String> keep = new ArrayList<>();
    if (resumeStep > 0 && Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && JSON.readTree(line).path("step").asLong() <= resumeStep) {
          keep.add(line);
        }
      }
    }
    Files.write(file, keep, StandardCharsets.UTF_8);
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  @Override
  public void onStep(StepMetrics m) {
    if (m.step() % every != 0) {
      return;
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("step", m.step());
    o.put("loss", m.loss());
    o.put("policy_loss", m.policyLoss());
    o.put("next_state_loss", m.nextStateLoss());
    o.put("reward_loss", m.rewardLoss());
    o.put("action_accuracy", Double.isNaN(m.accuracy()) ? null : m.accuracy());
    o.put("lr", m.learningRate());
    o.put("grad_norm", m.gradNorm());
    o.put("tokens_per_s", m.tokensPerSecond());
    o.put("tokens", m.tokens());
    try {
      out.write(JSON.writeValueAsString(o));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
