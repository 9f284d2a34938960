#!/usr/bin/env python3
"""A tampered project: what someone with sqlite3 (or a broken sync tool) can make of a .gloss file.
Every command must end within its bound on each one without crashing, and `gloss check` must name
what was done to it.

    tamper.py GLOSS [--scale N] [--keep DIR] [--only REGEX]
    tamper.py make BASE OUTDIR [--only REGEX]

The first form builds a project with GLOSS (sample articles, highlights with tags and notes), makes
the tampered copies from it and runs every command on each. The second only makes the copies of
BASE into OUTDIR (one `<case>.gloss` each, named on standard output): the window's test opens them.
The copies are made at test time from a project of the current schema, so they follow it.

Bounds: 10 s of CPU and 500 MB resident for each command for a Release build (--scale and
--memory-scale multiply them, as for hostile.py; ctest passes more for the sanitizers); a command
is stopped after three times the time bound of wall time.
"""
import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "..", "resources", "samples")
SAMPLE_FILES = ["01-ghani-offers-taliban-talks.txt", "06-social-media-ceasefire-emoji.txt",
                "13-sao-paulo-floods.txt", "24-us-steel-tariffs-hit-europe.html"]
MAX = 2 ** 63 - 1
MIN = -2 ** 63


# --- helpers that find (or make) what a case tampers with ----------------------------------------

def one(db, sql, *args):
    row = db.execute(sql, args).fetchone()
    return row[0] if row else None


def article(db):
    return one(db, "SELECT min(id) FROM articles")


def highlight(db):
    h = one(db, "SELECT min(id) FROM highlights")
    if h is None:
        a = article(db)
        quote = one(db, "SELECT substr(body, 1, 5) FROM articles WHERE id = ?", a)
        db.execute("INSERT INTO highlights(article_id, start, end, quote, created, modified) "
                   "VALUES(?, 0, 5, ?, '2024-01-01', '2024-01-01')", (a, quote))
        h = one(db, "SELECT max(id) FROM highlights")
    return h


def tag_pair(db):
    """(parent, child): a tag and one of its children, made when the project has none."""
    row = db.execute("SELECT parent_id, id FROM tags WHERE parent_id IS NOT NULL ORDER BY id").fetchone()
    if row:
        return row
    db.execute("INSERT INTO tags(name, created) VALUES('Tampered parent', '2024-01-01')")
    parent = one(db, "SELECT max(id) FROM tags")
    db.execute("INSERT INTO tags(parent_id, name, created) VALUES(?, 'Tampered child', '2024-01-01')", (parent,))
    child = one(db, "SELECT max(id) FROM tags")
    db.execute("INSERT INTO highlight_tags(highlight_id, tag_id) VALUES(?, ?)", (highlight(db), child))
    return parent, child


def mention(db):
    m = one(db, "SELECT min(id) FROM mentions")
    if m is None:
        a = article(db)
        db.execute("INSERT INTO entities(name, type, created) VALUES('Tampered', 'other', '2024-01-01')")
        e = one(db, "SELECT max(id) FROM entities")
        text = one(db, "SELECT substr(body, 1, 4) FROM articles WHERE id = ?", a)
        db.execute("INSERT INTO mentions(entity_id, article_id, start, end, text) VALUES(?, ?, 0, 4, ?)", (e, a, text))
        m = one(db, "SELECT max(id) FROM mentions")
    return m


def timeref(db):
    t = one(db, "SELECT min(id) FROM timerefs")
    if t is None:
        a = article(db)
        text = one(db, "SELECT substr(body, 1, 4) FROM articles WHERE id = ?", a)
        db.execute("INSERT INTO timerefs(article_id, start, end, text, value, granularity) "
                   "VALUES(?, 0, 4, ?, '2018-06-09', 'day')", (a, text))
        t = one(db, "SELECT max(id) FROM timerefs")
    return t


def plant(db, kind, name, table, sql):
    db.execute("PRAGMA writable_schema=ON")
    db.execute("INSERT INTO sqlite_schema VALUES(?, ?, ?, 0, ?)", (kind, name, table, sql))
    db.execute("PRAGMA writable_schema=OFF")


def rebuild_without_primary_key(db, table):
    """The table made again with `id INTEGER` in place of its primary key, every row in it twice
    (the copy under the same id): ids that are no longer unique."""
    sql = one(db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", table)
    loose = re.sub(r"id INTEGER PRIMARY KEY( AUTOINCREMENT)?", "id INTEGER", sql, count=1)
    loose = loose.replace(f"CREATE TABLE {table}(", f"CREATE TABLE {table}_loose(", 1)
    columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    renamed = ", ".join(f"{c} || ' (twin)'" if c == "name" else c for c in columns)
    db.execute(loose)
    db.execute(f"INSERT INTO {table}_loose SELECT * FROM {table}")
    db.execute(f"INSERT INTO {table}_loose SELECT {renamed} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_loose RENAME TO {table}")


# --- the cases: name -> (what it does to the file, patterns `gloss check` must print) ----------

def tag_cycle(db):
    parent, child = tag_pair(db)
    db.execute("UPDATE tags SET parent_id = ? WHERE id = ?", (child, parent))


def tag_self_parent(db):
    _, child = tag_pair(db)
    db.execute("UPDATE tags SET parent_id = id WHERE id = ?", (child,))


def tag_missing_parent(db):
    parent, _ = tag_pair(db)
    db.execute("UPDATE tags SET parent_id = 999999 WHERE id = ?", (parent,))


def trigger_mixed_case(db):
    plant(db, "Trigger", "evil", "highlights",
          "CREATE TRIGGER evil AFTER INSERT ON highlights BEGIN DELETE FROM articles; END")


def trigger_behind_comment(db):
    plant(db, "TRIGGER", "evil", "highlights",
          "create/* a comment */trigger evil after delete on highlights begin delete from articles; end")


def view_mixed_case(db):
    plant(db, "VIEW", "peek", "articles", "CREATE VIEW peek AS SELECT * FROM articles")


def offsets_past_body(db):
    a = article(db)
    length = one(db, "SELECT length(body) FROM articles WHERE id = ?", a)
    db.execute("UPDATE highlights SET article_id = ?, start = ?, end = ? WHERE id = ?",
               (a, length + 10, length + 20, highlight(db)))
    db.execute("UPDATE mentions SET article_id = ?, start = ?, end = ? WHERE id = ?", (a, length, length + 3, mention(db)))
    db.execute("UPDATE timerefs SET article_id = ?, start = ?, end = ? WHERE id = ?",
               (a, length - 2, length + 5, timeref(db)))
    db.execute("UPDATE articles SET dateline_end = ? WHERE id = ?", (length + 100, a))


def offsets_inverted(db):
    db.execute("PRAGMA ignore_check_constraints=ON")
    db.execute("UPDATE highlights SET start = 9, end = 2 WHERE id = ?", (highlight(db),))
    db.execute("UPDATE mentions SET start = -5 WHERE id = ?", (mention(db),))
    db.execute("UPDATE timerefs SET end = start WHERE id = ?", (timeref(db),))
    db.execute("UPDATE articles SET dateline_end = -3 WHERE id = ?", (article(db),))


def overflowing_integers(db):
    db.execute("PRAGMA ignore_check_constraints=ON")
    h = highlight(db)
    db.execute("UPDATE highlights SET start = ?, end = ? WHERE id = ?", (MIN, MAX, h))
    db.execute("UPDATE mentions SET start = ?, end = ? WHERE id = ?", (MAX - 1, MAX, mention(db)))
    db.execute("UPDATE timerefs SET start = 1e300, end = 1e308 WHERE id = ?", (timeref(db),))
    db.execute("UPDATE tags SET position = ? WHERE id = (SELECT min(id) FROM tags)", (MAX,))
    db.execute("UPDATE highlight_tags SET position = ? WHERE highlight_id = ?", (MIN, h))
    db.execute("UPDATE articles SET words = ?, dateline_end = ? WHERE id = ?", (MIN, MAX, article(db)))


def orphan_rows(db):
    a = article(db)
    db.execute("PRAGMA foreign_keys=OFF")
    db.execute("INSERT INTO highlights(id, article_id, start, end, quote, created, modified) "
               "VALUES(900001, 999999, 0, 4, 'Gone', '2024-01-01', '2024-01-01')")
    db.execute("INSERT INTO highlight_tags(highlight_id, tag_id) VALUES(?, 999999)", (highlight(db),))
    db.execute("INSERT INTO highlight_tags(highlight_id, tag_id) VALUES(999998, (SELECT min(id) FROM tags))")
    db.execute("INSERT INTO notes(highlight_id, body, modified) VALUES(999997, 'A note on nothing', '2024-01-01')")
    db.execute("INSERT INTO article_tags(article_id, tag_id) VALUES(?, 999999)", (a,))
    db.execute("INSERT INTO mentions(entity_id, article_id, start, end, text) "
               "VALUES(999999, ?, 0, 4, (SELECT substr(body, 1, 4) FROM articles WHERE id = ?))", (a, a))
    db.execute("INSERT INTO timerefs(article_id, start, end, text, value, granularity) "
               "VALUES(999999, 0, 4, 'Gone', '2018-06-09', 'day')")
    db.execute("INSERT INTO entity_aliases(alias_key, entity_id, alias) VALUES('nobody', 999999, 'Nobody')")
    db.execute("INSERT INTO sets(name, created) VALUES('Tampered set', '2024-01-01')")
    db.execute("INSERT INTO set_articles(set_id, article_id) VALUES((SELECT max(id) FROM sets), 999999)")


def duplicates_without_unique_index(db):
    h = highlight(db)
    parent, child = tag_pair(db)
    db.execute("DROP INDEX notes_highlight")
    db.execute("INSERT INTO notes(highlight_id, body, modified) VALUES(?, 'First note', '2024-01-01')", (h,))
    db.execute("INSERT INTO notes(highlight_id, body, modified) VALUES(?, 'Second note', '2024-01-01')", (h,))
    db.execute("DROP INDEX tags_parent_name")
    db.execute("INSERT INTO tags(parent_id, name, created) SELECT parent_id, name, created FROM tags WHERE id = ?",
               (child,))
    db.execute("DROP INDEX articles_content_hash")
    columns = [r[1] for r in db.execute("PRAGMA table_info(articles)") if r[1] != "id"]
    db.execute(f"INSERT INTO articles({', '.join(columns)}) SELECT {', '.join(columns)} FROM articles "
               "WHERE id = (SELECT min(id) FROM articles)")


def duplicate_ids(db):
    tag_pair(db)
    mention(db)
    db.execute("PRAGMA foreign_keys=OFF")
    db.execute("PRAGMA legacy_alter_table=ON")
    rebuild_without_primary_key(db, "tags")
    rebuild_without_primary_key(db, "entities")


CASES = {
    "tag-cycle": (tag_cycle, [r"cycle of parents"]),
    "tag-self-parent": (tag_self_parent, [r"cycle of parents"]),
    "tag-missing-parent": (tag_missing_parent, [r"foreign key: row \d+ of tags"]),
    "trigger-mixed-case": (trigger_mixed_case, [r"triggers or views"]),
    "trigger-behind-comment": (trigger_behind_comment, [r"triggers or views"]),
    # SQLite itself will not load a view whose type is not "view": a damaged schema to it.
    "view-mixed-case": (view_mixed_case, [r"malformed database schema \(peek\)"]),
    "offsets-past-body": (offsets_past_body, [r"highlight \d+: span \d+\.\.\d+ is outside", r"entity mention \d+",
                                              r"time reference \d+", r"dateline ends at \d+"]),
    "offsets-inverted": (offsets_inverted, [r"highlight \d+: span 9\.\.2", r"entity mention \d+",
                                            r"time reference \d+", r"dateline ends at -3"]),
    "overflowing-integers": (overflowing_integers, [r"highlight \d+: span -9223372036854775808\.\.", r"entity mention \d+",
                                                    r"time reference \d+", r"dateline ends at 9223372036854775807"]),
    "orphan-rows": (orphan_rows, [r"foreign key: row \d+ of highlights", r"foreign key: a row of highlight_tags",
                                  r"foreign key: row \d+ of notes", r"foreign key: row \d+ of mentions",
                                  r"foreign key: row \d+ of timerefs", r"foreign key: a row of set_articles",
                                  r"foreign key: a row of article_tags", r"foreign key: a row of entity_aliases"]),
    "duplicates-without-unique-index": (duplicates_without_unique_index, [
        r'index "notes_highlight" is missing', r'index "tags_parent_name" is missing',
        r'index "articles_content_hash" is missing']),
    "duplicate-ids": (duplicate_ids, [r'table "tags" is not as Gloss made it',
                                      r'table "entities" is not as Gloss made it']),
}


def make(base, folder, only=None):
    """Writes one tampered copy of `base` per case into `folder`; returns their paths."""
    os.makedirs(folder, exist_ok=True)
    made = []
    for name, (change, _) in CASES.items():
        if only and not re.search(only, name):
            continue
        path = os.path.join(folder, name + ".gloss")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        # A copy through SQLite: the base's WAL folded in, the copy a plain file.
        src = sqlite3.connect(f"file:{base}?mode=ro", uri=True)
        dst = sqlite3.connect(path)
        src.backup(dst)
        src.close()
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.close()
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA foreign_keys=OFF")
        db.execute("BEGIN")
        change(db)
        db.execute("COMMIT")
        db.close()
        made.append(path)
    return made


# --- running every command on each ---------------------------------------------------------------

CRASH = re.compile(r"AddressSanitizer|LeakSanitizer|runtime error|Segmentation|Aborted|terminate called")


def run(gloss, project, args, bound, stdin=None):
    """(exit status, stdout, stderr, (CPU seconds, peak MB), timed out) of `gloss --project project args`."""
    env = dict(os.environ)
    env.pop("GLOSS_PROJECT", None)
    proc = subprocess.Popen([gloss, "--project", project, *args], stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    timed_out = False
    try:
        out, err = proc.communicate(input=stdin, timeout=bound * 3)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        out, err = proc.communicate()
    usage = proc_usage.get(proc.pid, (0.0, 0.0))
    return proc.returncode, out.decode(errors="replace"), err.decode(errors="replace"), usage, timed_out


def build_base(gloss, folder, bound):
    base = os.path.join(folder, "base.gloss")
    files = [os.path.join(SAMPLES, f) for f in SAMPLE_FILES]
    status, out, err, _, _ = run(gloss, base, ["import", *files], bound * 6)
    if status != 0:
        raise SystemExit(f"could not build the base project: {out}{err}")
    db = sqlite3.connect(f"file:{base}?mode=ro", uri=True)
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    db.close()
    lines = []
    for i, a in enumerate(ids):
        lines.append(f"{a}\t0\t12\tActors > Officials;Frames > Conflict\tA note on article {a}")
        lines.append(f"{a}\t20\t31\tActors > Officials > Police")
        lines.append(f"{a}\t40\t52\tFrames")
    status, out, err, _, _ = run(gloss, base, ["highlight", "add", "--from-tsv", "-"], bound * 6,
                                 stdin=("\n".join(lines) + "\n").encode())
    if status != 0:
        raise SystemExit(f"could not add highlights to the base project: {out}{err}")
    return base, ids


def commands(gloss, ids, bound, folder):
    """Every command, reading and then writing, with the options that walk the tag tree: `check`
    first, on the file as it was tampered with."""
    status, out, err, _, _ = run(gloss, os.path.join(folder, "none.gloss"), ["export"], bound)
    m = re.search(r"--layout ([\w|-]+)", err)
    layouts = m.group(1).split("|") if m else ["highlights"]
    exported = os.path.join(folder, "highlights.csv")
    first, last = ids[0], ids[-1]
    cmds = [["check"], ["articles"], ["articles", "--format", "json"], ["articles", "--tag", "Actors"], ["tags"],
            ["entities"], ["timeline"], ["show", str(first)], ["show", str(first), "--format", "json"],
            ["show", str(last)], ["entities", "--article", str(first)], ["timeline", "--article", str(first)]]
    cmds += [["export", "--layout", layout] for layout in layouts]
    cmds += [["export", "--layout", "highlights", "-o", exported], ["import-annotations", exported],
             ["highlight", "add", "--article", str(ids[0]), "--start", "0", "--end", "5", "--tag", "Actors > Officials"],
             ["backup"], ["restore"]]
    return cmds


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "make":
        ap = argparse.ArgumentParser(prog="tamper.py make")
        ap.add_argument("base")
        ap.add_argument("folder")
        ap.add_argument("--only")
        args = ap.parse_args(sys.argv[2:])
        for path in make(args.base, args.folder, args.only):
            print(path)
        return 0

    ap = argparse.ArgumentParser()
    ap.add_argument("gloss")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies the time bound")
    ap.add_argument("--memory-scale", type=float, default=None, help="multiplies the memory bound (default: --scale)")
    ap.add_argument("--keep")
    ap.add_argument("--only")
    args = ap.parse_args()
    bound = 10.0 * args.scale
    mem_bound = 500.0 * (args.memory_scale if args.memory_scale is not None else args.scale)
    tmp = tempfile.TemporaryDirectory(prefix="gloss-tamper-")
    folder = args.keep or tmp.name
    os.makedirs(folder, exist_ok=True)
    base, ids = build_base(args.gloss, folder, bound)
    print(f"bounds: {bound:.0f} s of CPU and {mem_bound:.0f} MB for each command; base project with {len(ids)} articles")
    failures = []
    cmds = commands(args.gloss, ids, bound, folder)
    for path in make(base, os.path.join(folder, "tampered"), args.only):
        name = os.path.basename(path)[:-len(".gloss")]
        patterns = CASES[name][1]
        problems = []
        worst = 0.0
        for cmd in cmds:
            status, out, err, (cpu, rss_mb), timed_out = run(args.gloss, path, cmd, bound)
            worst = max(worst, cpu)
            what = "gloss " + " ".join(os.path.basename(c) if os.sep in c else c for c in cmd)
            if timed_out:
                problems.append(f"{what}: did not finish in {bound * 3:.0f} s")
            elif status not in (0, 1, 2):
                problems.append(f"{what}: exit status {status}: {err.strip()[:500]}")
            if CRASH.search(err):
                problems.append(f"{what}: crashed: {err[:3000]}")
            if cpu > bound:
                problems.append(f"{what}: took {cpu:.1f} s of CPU (bound {bound:.0f} s)")
            if rss_mb > mem_bound:
                problems.append(f"{what}: used {rss_mb:.0f} MB (bound {mem_bound:.0f} MB)")
            if cmd == ["check"]:
                said = out + err
                if status != 1:
                    problems.append(f"gloss check: exit status {status}, expected 1: {said.strip()[:500]}")
                for p in patterns:
                    if not re.search(p, said):
                        problems.append(f"gloss check does not say /{p}/: {said.strip()[:1500]}")
        print(f"{'FAIL' if problems else 'ok  '} {name:34} {len(cmds)} commands, slowest {worst:6.2f} s cpu")
        for p in problems:
            print(f"     {p}")
        if problems:
            failures.append(name)
    if failures:
        print(f"{len(failures)} tampered projects failed: {', '.join(failures)}")
        return 1
    print("every command ended on every tampered project, and check named each problem")
    return 0


proc_usage = {}  # pid -> (CPU seconds, user + system; peak resident MB) of the child
_popen_wait = subprocess.Popen._try_wait


def _try_wait(self, wait_flags):
    """Popen's reaping through wait4, to keep the child's CPU time and peak resident size."""
    try:
        pid, sts, usage = os.wait4(self.pid, wait_flags)
    except ChildProcessError:
        return (self.pid, 0)
    if pid == self.pid:
        proc_usage[pid] = (usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0)
    return (pid, sts)


subprocess.Popen._try_wait = _try_wait

if __name__ == "__main__":
    sys.exit(main())
