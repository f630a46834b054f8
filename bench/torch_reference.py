#!/usr/bin/python3
"""PyTorch eager reference for icrl's learner benchmarks.

The same architecture as io.icrl.learner.model (one token per step: summed embeddings of state,
prompt, previous action, previous tag and boundary flag plus an MLP of the previous reward;
pre-LayerNorm blocks with ALiBi causal attention and a GELU MLP; a policy head and a world-model
head conditioned on the action taken), the same losses and AdamW with gradient clipping, run with
the same thread count and shapes as `./icrl bench train` / `./icrl bench infer`.

Usage (Debian's python3-torch; on a GPU machine add --device cuda --bf16 to train):
  /usr/bin/python3 bench/torch_reference.py train --threads 2 --layers 4 --d-model 64 --heads 4 \
      --mlp-hidden 256 --window 256 --batch 32
  /usr/bin/python3 bench/torch_reference.py infer --threads 2 --contexts 1024 4096
"""
import argparse
import math
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

FLAGS = 4
TAG_VOCAB = 9
MASKED = -1e9


def alibi_slopes(heads):
    return torch.tensor([2.0 ** (-8.0 * (h + 1) / heads) for h in range(heads)])


def alibi_bias(slopes, query_start, queries, keys):
    """(heads, queries, keys): -slope * (i - j), future keys masked."""
    dev = slopes.device
    q = torch.arange(query_start, query_start + queries, dtype=torch.float32, device=dev)
    q = q.view(queries, 1)
    k = torch.arange(0, keys, dtype=torch.float32, device=dev).view(1, keys)
    dist = q - k
    return slopes.view(-1, 1, 1) * (-dist) + (dist < 0).float() * MASKED


class Attention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads, self.hd = heads, d // heads
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.register_buffer("slopes", alibi_slopes(heads), persistent=False)

    def forward(self, x, cache=None, layer=0):
        b, t, d = x.shape
        p = self.qkv(x).view(b, t, 3, self.heads, self.hd).permute(2, 0, 3, 1, 4)
        q, k, v = p[0], p[1], p[2]  # (B, H, T, E)
        start = 0
        if cache is not None:
            start = cache.length
            cache.keys[layer][:, :, start:start + t] = k
            cache.values[layer][:, :, start:start + t] = v
            k = cache.keys[layer][:, :, :start + t]
            v = cache.values[layer][:, :, :start + t]
        bias = alibi_bias(self.slopes, start, t, start + t)
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.hd) + bias
        o = scores.softmax(-1) @ v
        return self.out(o.transpose(1, 2).reshape(b, t, d))


class Block(nn.Module):
    def __init__(self, d, heads, hidden):
        super().__init__()
        self.ln1, self.attn = nn.LayerNorm(d), Attention(d, heads)
        self.ln2 = nn.LayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, hidden), nn.GELU(), nn.Linear(hidden, d))

    def forward(self, x, cache=None, layer=0):
        x = x + self.attn(self.ln1(x), cache, layer)
        return x + self.mlp(self.ln2(x))


class Cache:
    def __init__(self, layers, heads, capacity, hd):
        self.keys = [torch.zeros(1, heads, capacity, hd) for _ in range(layers)]
        self.values = [torch.zeros(1, heads, capacity, hd) for _ in range(layers)]
        self.length = 0


class StepTransformer(nn.Module):
    def __init__(self, a):
        super().__init__()
        d = a.d_model
        self.a = a
        self.state = nn.Embedding(a.state_vocab, d)
        self.prompt = nn.Embedding(a.prompt_vocab, d)
        self.prev_action = nn.Embedding(a.action_vocab + 1, d)
        self.prev_tag = nn.Embedding(TAG_VOCAB, d)
        self.flag = nn.Embedding(FLAGS, d)
        self.reward = nn.Sequential(nn.Linear(1, a.reward_hidden), nn.GELU(),
                                    nn.Linear(a.reward_hidden, d))
        self.blocks = nn.ModuleList(Block(d, a.heads, a.mlp_hidden) for _ in range(a.layers))
        self.ln_f = nn.LayerNorm(d)
        self.policy = nn.Linear(d, a.action_vocab)
        self.wm_action = nn.Embedding(a.action_vocab, d)
        self.wm = nn.Sequential(nn.Linear(d, d), nn.GELU(), nn.Linear(d, a.state_vocab + 1))

    def trunk(self, tok, cache=None):
        x = (self.state(tok["state"]) + self.prompt(tok["prompt"])
             + self.prev_action(tok["prev_action"]) + self.prev_tag(tok["prev_tag"])
             + self.flag(tok["flag"]) + self.reward(tok["prev_reward"]))
        for i, blk in enumerate(self.blocks):
            x = blk(x, cache, i)
        if cache is not None:
            cache.length += x.shape[1]
        return self.ln_f(x)


def random_batch(a, b, t, g, device="cpu"):
    def ints(hi):
        return torch.randint(0, hi, (b, t), generator=g)
    tok = dict(state=ints(a.state_vocab), prompt=ints(a.prompt_vocab),
               prev_action=ints(a.action_vocab + 1), prev_tag=ints(TAG_VOCAB), flag=ints(FLAGS),
               prev_reward=torch.rand(b, t, 1, generator=g))
    tgt = dict(label=ints(a.action_vocab), taken=ints(a.action_vocab),
               next_state=ints(a.state_vocab), reward=torch.rand(b, t, generator=g),
               weight=torch.ones(b, t), mask=torch.zeros(b, 1, a.action_vocab))
    move = lambda d: {k: v.to(device) for k, v in d.items()}
    return move(tok), move(tgt)


def loss_of(model, tok, tgt, a):
    h = model.trunk(tok)
    b, t, _ = h.shape
    n = b * t
    w = tgt["weight"].reshape(n)
    logits = (model.policy(h) + tgt["mask"]).reshape(n, a.action_vocab)
    pol = (F.cross_entropy(logits, tgt["label"].reshape(n), reduction="none") * w).sum() / w.sum()
    world = model.wm(h + model.wm_action(tgt["taken"])).reshape(n, a.state_vocab + 1)
    st = (F.cross_entropy(world[:, :a.state_vocab], tgt["next_state"].reshape(n),
                          reduction="none") * w).sum() / w.sum()
    rw = (((world[:, a.state_vocab] - tgt["reward"].reshape(n)) ** 2) * w).sum() / w.sum()
    return 0.2 * pol + 0.4 * st + 0.4 * rw


def bench_train(a):
    g = torch.Generator().manual_seed(1)
    model = StepTransformer(a).to(a.device)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.99), eps=1e-8,
                            weight_decay=0.01)
    params = sum(p.numel() for p in model.parameters())
    # bf16 autocast: matmuls and attention scores in bf16, master weights and optimizer in fp32
    precision = torch.autocast(a.device.split(":")[0], dtype=torch.bfloat16, enabled=a.bf16)

    def step():
        tok, tgt = random_batch(a, a.batch, a.window, g, a.device)
        with precision:
            loss = loss_of(model, tok, tgt, a)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss.item()

    for _ in range(a.warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(a.steps):
        step()
    secs = time.perf_counter() - t0
    tps = a.batch * a.window * a.steps / secs
    where = f"{a.device}{' bf16' if a.bf16 else ''}"
    print(f"torch {torch.__version__} eager on {where}, {a.threads} threads, {a.layers} layers x"
          f" {a.d_model}, window {a.window}, batch {a.batch}, {params} params: {tps:.0f} tokens/s,"
          f" peak {peak_mib():.0f} MiB{gpu_peak(a.device)}")


def gpu_peak(device):
    if not device.startswith("cuda"):
        return ""
    return f", GPU peak {torch.cuda.max_memory_allocated() / 2**30:.1f} GiB"


def bench_infer(a):
    g = torch.Generator().manual_seed(1)
    model = StepTransformer(a).eval()
    hd = a.d_model // a.heads
    with torch.no_grad():
        for c in a.contexts:
            tok, _ = random_batch(a, 1, c, g)
            cache = Cache(a.layers, a.heads, c, hd)
            timed = min(a.infer_steps, c // 2)

            def one(i):
                sl = {k: v[:, i:i + 1] for k, v in tok.items()}
                return model.policy(model.trunk(sl, cache))

            for i in range(c - timed):
                one(i)
            t0 = time.perf_counter()
            for i in range(c - timed, c):
                one(i)
            cached = timed / (time.perf_counter() - t0)
            model.policy(model.trunk(tok)[:, -1])
            t1 = time.perf_counter()
            for _ in range(3):
                model.policy(model.trunk(tok)[:, -1])
            full = 3 / (time.perf_counter() - t1)
            print(f"context {c}: cached {cached:.1f} steps/s, recompute {full:.2f} steps/s,"
                  f" speedup {cached / full:.1f}x")
    print(f"peak {peak_mib():.0f} MiB")


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["train", "infer"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--d-model", type=int, default=64)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--mlp-hidden", type=int, default=256)
    p.add_argument("--state-vocab", type=int, default=128)
    p.add_argument("--action-vocab", type=int, default=16)
    p.add_argument("--prompt-vocab", type=int, default=16)
    p.add_argument("--reward-hidden", type=int, default=16)
    p.add_argument("--window", type=int, default=256)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--steps", type=int, default=6)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--contexts", type=int, nargs="+", default=[1024, 4096])
    p.add_argument("--infer-steps", type=int, default=200)
    p.add_argument("--device", default="cpu", help="train only: cpu or cuda[:N]")
    p.add_argument("--bf16", action="store_true", help="train only: bf16 autocast")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    bench_train(a) if a.mode == "train" else bench_infer(a)


if __name__ == "__main__":
    main()
