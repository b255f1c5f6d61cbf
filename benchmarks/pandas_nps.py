#!/usr/bin/env python3
"""The pandas side of compare.sh: role+account-equal NPS by role, vectorised groupby.

Usage: pandas_nps.py FILE [--runs R] [--warmup W]

Loads account,role,score (not timed; account and role as categoricals, the fastest
representation pandas offers), then times, per run: role weights per row, per (role, account)
sums of role weights merged back (groupby-transform), normalised weights, and per-role sums of
w*z and w.  Prints one "NPS <role> <value>" line per role, "ROWS n" and "MS <median>".
pandas runs this on one thread.
"""
import argparse
import statistics
import sys
import time

import numpy as np
import pandas as pd

ROLE_WEIGHTS = {"decision-maker": 3.0, "influencer": 2.0, "gatekeeper": 1.0, "user": 1.0}


def score(df):
    rw = df["role"].map(ROLE_WEIGHTS).astype("float64").fillna(1.0)
    s = df["score"].to_numpy()
    z = (s >= 9).astype(np.int8) - (s <= 6).astype(np.int8)
    account_total = rw.groupby([df["role"], df["account"]], observed=True).transform("sum")
    w = rw / account_total
    frame = pd.DataFrame({"role": df["role"], "w": w, "wz": w * z})
    sums = frame.groupby("role", observed=True)[["w", "wz"]].sum()
    return 100.0 * sums["wz"] / sums["w"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--warmup", type=int, default=1)
    a = p.parse_args()
    df = pd.read_csv(a.file, dtype={"account": "category", "role": "category", "score": "int8"})
    for _ in range(a.warmup):
        result = score(df)
    times = []
    for _ in range(a.runs):
        t0 = time.perf_counter()
        result = score(df)
        times.append((time.perf_counter() - t0) * 1000.0)
    for role, nps in sorted(result.items()):
        print(f"NPS {role} {nps:.17g}")
    print(f"ROWS {len(df)}")
    print(f"MS {statistics.median(times):.3f}")
    print(f"pandas {pd.__version__}, numpy {np.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
