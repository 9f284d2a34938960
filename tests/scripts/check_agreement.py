#!/usr/bin/env python3
"""Compares Gloss's intercoder agreement with independent implementations: NLTK's
AnnotationTask (Krippendorff's alpha, Cohen's kappa) and scikit-learn's cohen_kappa_score.

usage: check_agreement.py AGREEMENT_CALC GLOSS

1. Reliability data generated here (missing values, three coders, total agreement, systematic
   disagreement, one value only) through agreement-calc, Gloss's own computation.
2. A project coded by three coders through `gloss highlight add --coder`, compared with
   `gloss agreement --format json` at article and segment level, per tag and pooled: the units are
   rebuilt here from the highlights, one value per article x tag or per code point x tag.

Exits 77 (skipped) when python3-nltk is not installed, 1 on any difference.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

try:
    from nltk.metrics.agreement import AnnotationTask
except ImportError:
    # Debian's python3-nltk is installed for Debian's Python; another python3 first on the PATH
    # (pyenv, a virtualenv) does not see it.
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    print("SKIPPED: python3-nltk is not installed (tools/install-deps.sh installs it)")
    sys.exit(77)
try:
    from sklearn.metrics import cohen_kappa_score
except ImportError:
    cohen_kappa_score = None
    print("note: python3-sklearn is not installed; kappa is compared with NLTK only")

TOLERANCE = 1e-9
failures = []


def close(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def check(what, ours, theirs):
    if not close(ours, theirs):
        failures.append(f"{what}: Gloss {ours}, reference {theirs}")
    else:
        print(f"ok  {what}: {ours:.6f}")


def nltk_alpha(units):
    """units: list of per-coder values (None: missing). NLTK returns 1.0 by convention when only
    one value occurs, where alpha is 0/0 (Gloss: undefined)."""
    data = [(f"c{c}", f"u{u}", v) for u, unit in enumerate(units) for c, v in enumerate(unit) if v is not None]
    return AnnotationTask(data=data).alpha()


def nltk_kappa(first, second):
    data = [("a", f"u{i}", x) for i, x in enumerate(first)] + [("b", f"u{i}", y) for i, y in enumerate(second)]
    return AnnotationTask(data=data).kappa()


def calc(tool, units):
    text = "\n".join(" ".join("." if v is None else str(v) for v in unit) for unit in units) + "\n"
    out = subprocess.run([tool], input=text, capture_output=True, text=True, check=True).stdout
    values = {}
    for line in out.split("\n"):
        if line:
            name, value = line.split()
            values[name] = None if value == "none" else float(value)
    return values


def reliability_data(tool):
    rng = random.Random(18)
    cases = []
    # Missing values, three coders, five values.
    for n in range(5):
        units = []
        for _ in range(40):
            truth = rng.randrange(5)
            units.append([None if rng.random() < 0.2 else (truth if rng.random() < 0.7 else rng.randrange(5)) for _ in range(3)])
        cases.append((f"three coders, missing values #{n}", units))
    # Two coders, binary, some missing.
    for n in range(5):
        units = [[rng.randrange(2) if rng.random() > 0.1 else None, rng.randrange(2)] for _ in range(60)]
        cases.append((f"two coders, binary, missing values #{n}", units))
    cases.append(("total agreement", [[v, v, v] for v in [0, 1, 2, 1, 0, 2, 2]]))
    cases.append(("systematic disagreement", [[0, 1], [1, 0]] * 10))
    cases.append(("Krippendorff (2011) with missing values", [
        [1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5], [None, None, 1, 1], [None, 3, None, None]]))
    for name, units in cases:
        ours = calc(tool, units)
        check(f"alpha, {name}", ours["alpha"], nltk_alpha(units))
        if len(units[0]) == 2:
            both = [(a, b) for a, b in units if a is not None and b is not None]
            first, second = [a for a, _ in both], [b for _, b in both]
            if cohen_kappa_score:
                check(f"kappa (sklearn), {name}", ours["kappa"], cohen_kappa_score(first, second))
            check(f"kappa (nltk), {name}", ours["kappa"], nltk_kappa(first, second))
    # One value only: alpha is 0/0; NLTK says 1 by convention, Gloss says undefined.
    ours = calc(tool, [[1, 1], [1, 1], [1, None]])
    if ours["alpha"] is not None:
        failures.append(f"alpha of data with one value should be undefined, Gloss says {ours['alpha']}")


WORDS = ("the minister said on tuesday that talks with the union would resume after the "
         "strike ended and the port reopened for ships carrying grain and fuel").split()


def run(gloss, project, *args, stdin=None):
    r = subprocess.run([gloss, "--project", project, *args], input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"gloss {' '.join(args)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r.stdout


def project_check(gloss):
    rng = random.Random(2011)
    tmp = tempfile.mkdtemp(prefix="gloss-agreement-")
    project = os.path.join(tmp, "p.gloss")
    folder = os.path.join(tmp, "articles")
    os.mkdir(folder)
    for i in range(24):
        body = " ".join(rng.choice(WORDS) for _ in range(40 + rng.randrange(40))) + f" ({i})."
        with open(os.path.join(folder, f"a{i:02}.txt"), "w", encoding="utf-8") as f:
            f.write(f"Article {i}\n\n{body.capitalize()}\n")
    run(gloss, project, "import", folder)
    articles = json.loads(run(gloss, project, "articles", "--format", "json"))
    bodies = {a["id"]: json.loads(run(gloss, project, "show", str(a["id"]), "--format", "json"))["body"] for a in articles}

    coders = ["ann", "ben", "cat"]
    tags = ["Random", "Same", "Opposite", "Shifted"]
    spans = {c: [] for c in coders}  # (article, start, end, tag)
    for aid, body in bodies.items():
        n = len(body)
        for tag in tags:
            if tag == "Same" and rng.random() < 0.5:
                s = rng.randrange(n - 10)
                e = s + 1 + rng.randrange(min(60, n - s - 1))
                for c in coders:
                    spans[c].append((aid, s, e, tag))
            elif tag == "Opposite":  # ann codes where ben does not; cat at random
                s = rng.randrange(n - 10)
                e = s + 5
                spans["ann" if rng.random() < 0.5 else "ben"].append((aid, s, e, tag))
                if rng.random() < 0.3:
                    spans["cat"].append((aid, s, e, tag))
            elif tag == "Shifted":  # the same passages, boundaries a little apart
                if rng.random() < 0.6:
                    s = rng.randrange(n - 40)
                    for c in coders:
                        d = rng.randrange(4)
                        spans[c].append((aid, s + d, s + 30 - rng.randrange(4), tag))
            elif tag == "Random":
                for c in coders:
                    for _ in range(rng.randrange(3)):  # overlapping highlights of one coder too
                        s = rng.randrange(n - 2)
                        spans[c].append((aid, s, s + 1 + rng.randrange(min(50, n - s - 1)), tag))
    spans["dan"] = [(next(iter(bodies)), 0, 3, "Unused")]  # the tag exists; the coders compared never use it
    for c, rows in spans.items():
        tsv = "".join(f"{a}\t{s}\t{e}\t{t}\n" for a, s, e, t in rows)
        run(gloss, project, "highlight", "add", "--coder", c, "--from-tsv", "-", stdin=tsv)

    # What was stored, read back from the export (the spans as Gloss keeps them).
    import csv, io
    stored = {}
    for row in csv.DictReader(io.StringIO(run(gloss, project, "export", "--layout", "highlights", "--raw"))):
        stored.setdefault(row["coder"], []).append((int(row["article_id"]), int(row["start"]), int(row["end"]), row["tag"]))
    for c, rows in spans.items():
        if sorted(stored.get(c, [])) != sorted(rows):
            failures.append(f"the highlights of {c} were not stored as given")
    spans = stored

    # Agreement compares the articles every chosen coder marked done: none yet is refused, in words.
    r = subprocess.run([gloss, "--project", project, "agreement", "--coders", "ann,ben"], capture_output=True, text=True)
    if r.returncode != 1 or "gloss done" not in r.stderr or "--all" not in r.stderr:
        failures.append(f"no article done: exit {r.returncode}, {r.stderr.strip()!r}")
    ids = sorted(bodies)
    for c in coders:  # cat has not finished the last article
        run(gloss, project, "--coder", c, "done", *[str(i) for i in (ids[:-1] if c == "cat" else ids)])
    lengths = {aid: len(body) for aid, body in bodies.items()}  # Python str: code points
    for chosen in (["ann", "ben"], coders):
        coded = ids[:-1] if "cat" in chosen else ids
        for level in ("article", "segment"):
            args = ["agreement", "--coders", ",".join(chosen), "--level", level, "--format", "json"]
            for t in tags + ["Unused"]:
                args += ["--tag", t]
            rows = {r["tag"]: r for r in json.loads(run(gloss, project, *args))}
            pooled = []
            for tag in tags + ["Unused"]:
                units = []
                for aid in coded:
                    if level == "article":
                        units.append([int(any(a == aid and t == tag for a, _, _, t in spans[c])) for c in chosen])
                    else:
                        cover = [[0] * lengths[aid] for _ in chosen]
                        for k, c in enumerate(chosen):
                            for a, s, e, t in spans[c]:
                                if a == aid and t == tag:
                                    for i in range(s, e):
                                        cover[k][i] = 1
                        units.extend([list(v) for v in zip(*cover)])
                pooled.extend(units)
                row = rows[tag]
                what = f"{level} level, {'+'.join(chosen)}, tag {tag}"
                if row["units"] != len(units):
                    failures.append(f"{what}: {row['units']} units, expected {len(units)}")
                if len({v for u in units for v in u}) < 2:
                    if row["alpha"] is not None:
                        failures.append(f"{what}: alpha should be undefined (no variation), is {row['alpha']}")
                    else:
                        print(f"ok  {what}: alpha undefined (no variation); NLTK's convention says {nltk_alpha(units)}")
                    continue
                check(f"alpha, {what}", row["alpha"], nltk_alpha(units))
                if len(chosen) == 2:
                    first, second = [u[0] for u in units], [u[1] for u in units]
                    if cohen_kappa_score:
                        check(f"kappa (sklearn), {what}", row["kappa"], cohen_kappa_score(first, second))
                    check(f"kappa (nltk), {what}", row["kappa"], nltk_kappa(first, second))
                elif row["kappa"] is not None:
                    failures.append(f"{what}: kappa given for three coders")
                if tag == "Same" and not close(row["alpha"], 1.0):
                    failures.append(f"{what}: total agreement gives alpha {row['alpha']}, not 1")
                if tag == "Opposite" and level == "article" and not row["alpha"] < 0:
                    failures.append(f"{what}: systematic disagreement gives alpha {row['alpha']}, not below 0")
            check(f"alpha, {level} level, {'+'.join(chosen)}, all tags pooled", rows[None]["alpha"], nltk_alpha(pooled))

    # Fewer than two coders: a message and exit status 1.
    r = subprocess.run([gloss, "--project", project, "agreement", "--coders", "ann"], capture_output=True, text=True)
    if r.returncode != 1 or "two coders" not in r.stderr:
        failures.append(f"one coder: exit {r.returncode}, {r.stderr.strip()!r}")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    reliability_data(sys.argv[1])
    project_check(sys.argv[2])
    if failures:
        print("\n".join(["FAILED:"] + failures))
        return 1
    print("all agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
