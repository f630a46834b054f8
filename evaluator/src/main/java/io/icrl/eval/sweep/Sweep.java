package io.icrl.eval.sweep;

import io.icrl.core.InvalidInputException;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.ModeSettings;
import io.icrl.eval.agent.AgentFactory;
import io.icrl.eval.agent.InContextAgentFactory;
import io.icrl.eval.baseline.Baselines;
import io.icrl.eval.baseline.BehaviorData;
import io.icrl.eval.task.PreparedTask;
import io.icrl.eval.task.TrainingTaskRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a sweep: prepares the tasks, plans every cell (task x mode x agent x seed), skips the cells
 * a previous run journaled, runs the rest on a fixed pool of worker threads, and returns every
 * cell's result in plan order. Results do not depend on the thread count.
 */
public final class Sweep {
  private Sweep() {}

  /** Runs {@code request}, reporting progress to {@code listener}. */
  public static SweepResult run(SweepRequest request, SweepListener listener) throws IOException {
    EvalSettings s = request.settings();
    if (request.taskIds().isEmpty()) {
      throw new InvalidInputException("no task to evaluate (give --task or --suite)");
    }
    Set<String> seen = new HashSet<>();
    for (String id : request.taskIds()) {
      if (!seen.add(id)) {
        throw new InvalidInputException("task '" + id + "' listed twice");
      }
      if (request.training().isPresent()) {
        request.training().get().requireHeldOut(id);
      }
    }
    if (request.model().isPresent()) {
      Optional<TrainingTaskRange> own = request.model().get().trainingRange();
      for (String id : request.taskIds()) {
        own.ifPresent(r -> r.requireHeldOut(id));
      }
    }
    Map<String, AgentFactory> factories = new LinkedHashMap<>();
    request.model().ifPresent(m -> factories.put(InContextAgentFactory.NAME,
        new InContextAgentFactory(m, s.temperatures(), s.contextPolicies())));
    for (String name : s.agents()) {
      factories.put(name, Baselines.factory(name, s.qLearning(), s.ucbQ(), s.modelBased()));
    }
    String modelDescription = request.model().map(m -> m.describe()).orElse("none");
    String settingsFp = SweepFingerprint.of(s, modelDescription);
    CellJournal journal = new CellJournal(request.outDir());
    CellRunner runner = new CellRunner(s);

    ExecutorService pool = Executors.newFixedThreadPool(s.effectiveThreads(), r -> {
      Thread t = new Thread(r, "icrl-eval-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      listener.preparing(request.taskIds().size());
      List<PreparedTask> tasks = prepare(request, pool);
      Map<String, PreparedTask> byId = new LinkedHashMap<>();
      Map<String, String> fingerprints = new LinkedHashMap<>();
      for (PreparedTask t : tasks) {
        byId.put(t.id(), t);
        fingerprints.put(t.id(), SweepFingerprint.sha256(settingsFp + "|" + t.model().fingerprint())
            .substring(0, 16));
      }
      List<Cell> plan = new ArrayList<>();
      for (PreparedTask t : tasks) {
        for (Mode m : s.modes()) {
          for (AgentFactory f : factories.values()) {
            if (f.supports(m)) {
              for (int seed = 0; seed < s.seeds(); seed++) {
                plan.add(new Cell(t.id(), m, f.name(), seed));
              }
            }
          }
        }
      }
      Map<Cell, CellResult> results = new LinkedHashMap<>();
      List<Cell> todo = new ArrayList<>();
      for (Cell c : plan) {
        Optional<CellResult> old = journal.load(c, fingerprints.get(c.task()));
        if (old.isPresent() && old.get().episodes().size() == expectedEpisodes(s, c)) {
          results.put(c, old.get());
        } else {
          todo.add(c);
        }
      }
      int total = plan.size();
      int done = results.size();
      listener.planned(total, done);
      CompletionService<CellResult> cs = new ExecutorCompletionService<>(pool);
      for (Cell c : todo) {
        PreparedTask task = byId.get(c.task());
        AgentFactory f = factories.get(c.agent());
        String fp = fingerprints.get(c.task());
        cs.submit(() -> {
          CellResult r = runner.run(c, task, f);
          journal.save(r, fp);
          return r;
        });
      }
      for (int i = 0; i < todo.size(); i++) {
        CellResult r = take(cs);
        results.put(r.cell(), r);
        done++;
        listener.cellFinished(r.cell(), done, total);
      }
      List<CellResult> ordered = new ArrayList<>(plan.size());
      for (Cell c : plan) {
        ordered.add(results.get(c));
      }
      return new SweepResult(s, tasks, new ArrayList<>(factories.keySet()), ordered,
          modelDescription);
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Episodes a finished cell holds: E for acting agents, the context size for the data. */
  static int expectedEpisodes(EvalSettings s, Cell c) {
    if (c.agent().equals(BehaviorData.NAME)) {
      ModeSettings ms = s.modeSettings().get(c.mode());
      return ms.episodes();
    }
    return s.episodes();
  }

  private static List<PreparedTask> prepare(SweepRequest request, ExecutorService pool)
      throws IOException {
    EvalSettings s = request.settings();
    List<Future<PreparedTask>> futures = new ArrayList<>();
    for (String id : request.taskIds()) {
      futures.add(pool.submit(() -> PreparedTask.prepare(request.tasks().apply(id),
          s.references(), s.rootSeed())));
    }
    List<PreparedTask> out = new ArrayList<>();
    for (Future<PreparedTask> f : futures) {
      out.add(get(f));
    }
    return out;
  }

  private static CellResult take(CompletionService<CellResult> cs) throws IOException {
    try {
      return get(cs.take());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    }
  }

  private static <T> T get(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new UncheckedIOException(new IOException(c));
    }
  }
}
