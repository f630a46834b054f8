package io.icrl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildInfoTest {
  private static final String A = "1111111111111111111111111111111111111111";
  private static final String B = "2222222222222222222222222222222222222222";

  @TempDir Path tmp;

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void readsABranchFromLooseRefsInAPlainCheckout() throws IOException {
    write(tmp.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
    write(tmp.resolve("repo/.git/refs/heads/main"), A + "\n");
    Files.createDirectories(tmp.resolve("repo/sub/dir"));
    assertEquals(A, BuildInfo.gitCommit(tmp.resolve("repo/sub/dir")));
  }

  @Test
  void readsABranchFromPackedRefs() throws IOException {
    write(tmp.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
    write(tmp.resolve("repo/.git/packed-refs"),
        "# pack-refs with: peeled fully-peeled sorted\n" + B + " refs/heads/other\n"
            + A + " refs/heads/main\n");
    assertEquals(A, BuildInfo.gitCommit(tmp.resolve("repo")));
  }

  @Test
  void readsADetachedHead() throws IOException {
    write(tmp.resolve("repo/.git/HEAD"), B + "\n");
    assertEquals(B, BuildInfo.gitCommit(tmp.resolve("repo")));
  }

  @Test
  void followsALinkedWorktreeToItsGitDirAndSharedRefs() throws IOException {
    // main checkout's git directory holds the shared refs; the worktree's own HEAD is under
    // worktrees/wt, and its .git is a file pointing there
    write(tmp.resolve("main/.git/refs/heads/feature"), B + "\n");
    write(tmp.resolve("main/.git/worktrees/wt/HEAD"), "ref: refs/heads/feature\n");
    write(tmp.resolve("main/.git/worktrees/wt/commondir"), "../..\n");
    write(tmp.resolve("wt/.git"), "gitdir: " + tmp.resolve("main/.git/worktrees/wt") + "\n");
    assertEquals(B, BuildInfo.gitCommit(tmp.resolve("wt")));

    write(tmp.resolve("main/.git/worktrees/wt/HEAD"), A + "\n");
    assertEquals(A, BuildInfo.gitCommit(tmp.resolve("wt")));
  }

  @Test
  void isUnknownOutsideARepositoryOrForAMissingRef() throws IOException {
    write(tmp.resolve("repo/.git/HEAD"), "ref: refs/heads/gone\n");
    assertEquals("unknown", BuildInfo.gitCommit(tmp.resolve("repo")));
    write(tmp.resolve("odd/.git"), "not a link\n");
    assertEquals("unknown", BuildInfo.gitCommit(tmp.resolve("odd")));
  }
}
