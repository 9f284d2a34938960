#!/usr/bin/env python3
"""Crash safety of hand coding, tested by killing: highlights are added, tagged and noted at a high
rate through the command line (`gloss highlight add ... --tag ... --note ...`, which prints the new
id once the change is stored) and gloss is killed with SIGKILL at random moments. After each kill
`gloss check` must be clean and every change reported done must be there, whole: its span, its
tags and its note. A change killed before it was reported may be there or not, but only whole.

    killhighlights.py GLOSS [--kills 50] [--seed N] [--keep DIR]
"""
import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

ARTICLES = [
    ("Ghani offers talks", "KABUL, June 9 (Wire) - President Ghani offered talks to the Taliban on Saturday. "
     "The offer came after a three-day ceasefire for Eid, the first since 2001. Officials said a delegation "
     "would travel to Doha next week."),
    ("Tariffs take effect", "BRUSSELS, June 22 (Wire) - European tariffs on American steel, bourbon and motorcycles "
     "took effect on Friday. The Commission said the measures answered duties imposed in March."),
    ("São Paulo floods", "SÃO PAULO, March 11 (Wire) - Heavy rains flooded streets across the city on Sunday, "
     "killing two people. Rainfall in the first ten days of March exceeded the monthly average. 🌧️ Residents "
     "of the eastern districts were evacuated."),
]
TAGS = ["actor/government", "actor/insurgent", "frame/conflict", "frame/economy", "tone/négatif", "event/ceasefire"]


def gloss(args, project, *rest):
    r = subprocess.run([args.gloss, "--project", project, *rest], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"gloss {' '.join(rest)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r.stdout


def stored_highlights(project):
    """id -> (article, start, end, tag paths, note) of every highlight, read from the file."""
    db = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    try:
        tags = {i: (p, n) for i, p, n in db.execute("SELECT id, parent_id, name FROM tags")}

        def path(t):
            parent, name = tags[t]
            return name if parent is None else path(parent) + "/" + name

        found = {}
        for hid, a, start, end, note in db.execute(
                "SELECT h.id, h.article_id, h.start, h.end, ifnull(n.body, '') FROM highlights h "
                "LEFT JOIN notes n ON n.highlight_id = h.id"):
            found[hid] = [a, start, end, [], note]
        for hid, t in db.execute("SELECT highlight_id, tag_id FROM highlight_tags"):
            found[hid][3].append(path(t))
    finally:
        db.close()
    return {h: (a, s, e, sorted(t), n) for h, (a, s, e, t, n) in found.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gloss")
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    print(f"seed {seed} (rerun with --seed {seed})", flush=True)
    rnd = random.Random(seed)

    tmp = tempfile.TemporaryDirectory(prefix="gloss-killhighlights-")
    folder = args.keep or tmp.name
    project = os.path.join(folder, "coding.gloss")
    for i, (title, body) in enumerate(ARTICLES):
        path = os.path.join(folder, f"article{i}.txt")
        with open(path, "w", encoding="utf-8") as out:
            out.write(f"{title}\n\n{body}\n")
    gloss(args, project, "import", *[os.path.join(folder, f"article{i}.txt") for i in range(len(ARTICLES))])
    listed = json.loads(gloss(args, project, "articles", "--format", "json"))
    ids = sorted(a["id"] for a in listed)
    length = {a: len(json.loads(gloss(args, project, "show", str(a), "--format", "json"))["body"]) for a in ids}

    done = {}  # id -> (article, start, end, tags, note): reported done by gloss
    kills = 0
    added = 0
    durations = [0.3]
    started = time.monotonic()
    while kills < args.kills:
        a = rnd.choice(ids)
        start = rnd.randrange(length[a] - 1)
        end = rnd.randrange(start + 1, min(length[a], start + 60) + 1)
        tags = sorted(set(rnd.sample(TAGS, rnd.randrange(0, 4))))
        note = f"note {added} — «{rnd.choice(['why', 'check', 'quote', 'ask the second coder'])}»"
        cmd = [args.gloss, "--project", project, "highlight", "add", "--article", str(a), "--start", str(start),
               "--end", str(end), "--note", note, "--coder", "killtest"]
        for t in tags:
            cmd += ["--tag", t]
        # One command in two is killed somewhere within the time a command takes.
        kill_at = rnd.uniform(0.0, max(durations[-20:]) * 1.2) if rnd.randrange(2) == 0 else None
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        killed = False
        try:
            out, err = proc.communicate(timeout=kill_at)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            out, err = proc.communicate()
            killed = True
        if not killed:
            durations.append(time.monotonic() - t0)
            if proc.returncode != 0:
                raise SystemExit(f"highlight add failed ({proc.returncode}): {err.decode(errors='replace')}")
            hid = int(out.decode().strip())
            done[hid] = (a, start, end, tags, note)
            added += 1
            continue
        if out.endswith(b"\n"):
            # It printed the id just before the kill: reported done after all.
            done[int(out.decode().strip())] = (a, start, end, tags, note)
            continue
        kills += 1
        check = subprocess.run([args.gloss, "--project", project, "check"], capture_output=True, text=True)
        if check.returncode != 0 or " clean " not in check.stdout:
            raise SystemExit(f"kill {kills}: gloss check is not clean:\n{check.stdout}{check.stderr}")
        found = stored_highlights(project)
        for hid, want in done.items():
            if found.get(hid) != want:
                raise SystemExit(f"kill {kills}: highlight {hid} was reported done as {want}, "
                                 f"but the project has {found.get(hid)}")
        for hid, got in found.items():
            if hid not in done and (got[2] <= got[1] or not got[4].startswith("note ")):
                raise SystemExit(f"kill {kills}: highlight {hid} is there but not whole: {got}")
        if kills % 10 == 0:
            print(f"kill {kills}: {len(done)} highlights reported done, all there; check clean", flush=True)
    print(f"survived {kills} kills; {len(done)} highlights added, tagged and noted were all there "
          f"({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
