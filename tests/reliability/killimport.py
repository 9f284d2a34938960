#!/usr/bin/env python3
"""Crash safety of import, tested by killing: `gloss import` on a generated corpus is killed with
SIGKILL at random moments; after each kill `gloss check` must be clean and the project must hold
only whole articles (each with its search index entry, checked by `gloss check`, and with exactly
the time references and entity mentions a complete import gives it, compared per article with a
reference import); rerunning the same import completes it.

    killimport.py GLOSS [--kills 50] [--articles 3000] [--seed N] [--keep DIR]

The seed is printed; rerun with --seed to reproduce a failure.
"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

PLACES = ["KABUL", "ISLAMABAD", "BRUSSELS", "SAO PAULO", "WASHINGTON", "MADRID", "DOHA", "GENEVA"]
WHO = ["The minister", "A spokeswoman for the ministry", "The mayor", "Officials", "The committee chair",
       "Negotiators", "The central bank", "Residents", "Analysts at the institute", "The company"]
VERBS = ["said", "announced", "warned", "confirmed", "denied", "expected", "reported"]
WHEN = ["on Tuesday", "last week", "on June 9, 2018", "next month", "in 2017", "two days ago", "this year",
        "on Friday evening", "by the end of March", "in the first quarter", "for three months", "yesterday",
        "in the 1990s", "on 14 August 2018", "earlier this week", "since January"]
WHAT = ["that talks would resume", "a new round of tariffs", "the ceasefire would hold",
        "heavy rains in the region", "an investigation into the data leak", "a loan for drainage works",
        "that the reservoir had fallen", "a settlement with regulators", "the vote would be delayed"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def article(rnd, i):
    """One deterministic news-text article: headline, date line, dateline paragraph, more paragraphs."""
    y, m, d = 2015 + rnd.randrange(8), rnd.randrange(12), 1 + rnd.randrange(28)
    paras = []
    for p in range(2 + rnd.randrange(5)):
        sentences = []
        for _ in range(2 + rnd.randrange(4)):
            sentences.append(f"{rnd.choice(WHO)} {rnd.choice(VERBS)} {rnd.choice(WHEN)} {rnd.choice(WHAT)}.")
        text = " ".join(sentences)
        if p == 0:
            text = f"{rnd.choice(PLACES)}, {MONTHS[m]} {d} (Wire) - " + text
        paras.append(text)
    title = f"Report {i}: {rnd.choice(WHAT).capitalize()}"
    return f"{title}\n{MONTHS[m]} {d:02d}, {y}\n\n" + "\n\n".join(paras) + "\n"


def make_corpus(folder, count):
    rnd = random.Random(20180609)
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        sub = os.path.join(folder, f"part{i // 500:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"article{i:05d}.txt"), "w", encoding="utf-8") as out:
            out.write(article(rnd, i))


def gloss(args, project, *rest, check=True):
    r = subprocess.run([args.gloss, "--project", project, *rest], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise SystemExit(f"gloss {' '.join(rest)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r


def per_article(project):
    """content hash -> (time references, entity mentions) of each stored article."""
    db = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    try:
        has_mentions = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'mentions'").fetchone() is not None
        mentions = "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id)" if has_mentions else "0"
        rows = db.execute(f"SELECT a.content_hash, (SELECT count(*) FROM timerefs t WHERE t.article_id = a.id), "
                          f"{mentions} FROM articles a").fetchall()
    finally:
        db.close()
    return {h: (t, m) for h, t, m in rows}


def verify(args, project, reference, what):
    """`gloss check` clean and every article whole; returns the number of articles."""
    if not os.path.exists(project):
        return 0  # killed before it created the project: nothing to check, nothing lost
    r = gloss(args, project, "check", check=False)
    if r.returncode != 0 or " clean " not in r.stdout:
        raise SystemExit(f"{what}: gloss check is not clean:\n{r.stdout}{r.stderr}")
    stored = per_article(project)
    for h, counts in stored.items():
        if h not in reference:
            raise SystemExit(f"{what}: article {h} is not one of the corpus's")
        if counts != reference[h]:
            raise SystemExit(f"{what}: article {h} has {counts[0]} time references and {counts[1]} mentions; "
                             f"a complete import gives it {reference[h][0]} and {reference[h][1]}")
    return len(stored)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gloss")
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    print(f"seed {seed} (rerun with --seed {seed})", flush=True)
    rnd = random.Random(seed)

    tmp = tempfile.TemporaryDirectory(prefix="gloss-killimport-")
    folder = args.keep or tmp.name
    corpus = os.path.join(folder, "corpus")
    make_corpus(corpus, args.articles)

    # The reference: an import that is not interrupted.
    ref = os.path.join(folder, "reference.gloss")
    if os.path.exists(ref):
        os.remove(ref)
    start = time.monotonic()
    r = gloss(args, ref, "import", corpus)
    full = time.monotonic() - start
    reference = per_article(ref)
    if len(reference) != args.articles:
        raise SystemExit(f"the reference import stored {len(reference)} of {args.articles} articles: {r.stdout}")
    timerefs = sum(t for t, _ in reference.values())
    print(f"reference import: {args.articles} articles, {timerefs} time references in {full:.1f} s", flush=True)

    kills = 0
    rounds = 0
    finished_early = 0
    project = None
    present = 0
    while kills < args.kills:
        if project is None or present == args.articles:
            # A fresh project now and then, so that kills keep landing in the middle of big imports.
            rounds += 1
            project = os.path.join(folder, f"round{rounds}.gloss")
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(project + suffix):
                    os.remove(project + suffix)
            present = 0
        # Kill within the time the rest of the import should take, so most kills land mid-import;
        # and within a fraction of a whole import, so that each run gets a little further (it
        # skips what the last one stored) and the kills fall all along the corpus.
        remaining = 0.15 + full * (args.articles - present) / args.articles
        delay = rnd.uniform(0.0, min(remaining, max(0.5, full * 0.6)))
        proc = subprocess.Popen([args.gloss, "--project", project, "import", corpus],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            proc.wait(timeout=delay)
            finished_early += 1
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        if proc.returncode not in (0, -signal.SIGKILL):
            raise SystemExit(f"gloss import failed ({proc.returncode}):\n{err}")
        present = verify(args, project, reference, f"kill {kills} (after {delay:.2f} s)")
        if kills % 10 == 0 or present == args.articles:
            print(f"kill {kills}: {present} of {args.articles} articles whole, check clean", flush=True)

    # The same import again completes the last project: everything imported once, duplicates skipped.
    r = gloss(args, project, "import", corpus)
    total = verify(args, project, reference, "the completing import")
    if total != args.articles:
        raise SystemExit(f"the completing import left {total} of {args.articles} articles: {r.stdout}")
    imported, duplicates = (int(x.split()[-1]) for x in r.stdout.strip().split(",")[:2])
    if imported + duplicates != args.articles or imported != args.articles - present:
        raise SystemExit(f"the completing import said \"{r.stdout.strip()}\" with {present} articles already there")
    print(f"survived {kills} kills ({finished_early} runs finished before their kill, {rounds} projects); "
          f"the rerun completed the import: {r.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
