#!/usr/bin/env python3
"""Hostile input: `gloss import` on files made to hurt a reader, each within a time and memory
bound, each with a clear refusal or a safe result, and the project clean afterwards (`gloss check`
within the same bounds: it reads every span of the long articles).

    hostile.py GLOSS [--scale N] [--size F] [--keep DIR] [--only REGEX]

The small files are committed under tests/data/hostile/ (they also seed the fuzzers); the big ones
(50 MB) are generated here, in a temporary folder. --scale multiplies the time and memory bounds
(10 s of CPU and 500 MB for a Release build; ctest passes more for ASan). The time bound is on
CPU time, user + system, which a loaded machine changes far less than wall time; a run is stopped
after three times the bound of wall time. --size makes the 50 MB files that fraction of their size
(ctest under sanitizers: a quarter, 12.5 MB, whose cost is what a quadratic path or an unbounded
buffer shows at once; run the full size by hand on a Release build).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import struct
import time
import zlib

MB = 1024 * 1024


SMALL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "hostile")
DOCUMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "documents")


def small_files():
    """name -> bytes: the small hostile files, committed under tests/data/hostile/ (which also
    seeds the fuzzers; its README says what each one is)."""
    f = {}
    for name in sorted(os.listdir(SMALL)):
        if name != "README.md":
            with open(os.path.join(SMALL, name), "rb") as src:
                f[name] = src.read()
    return f


def write_bomb(path, deflated, real_size, said_size):
    """A DOCX whose word/document.xml is `deflated` (raw deflate of `real_size` spaces), its
    header saying it inflates to `said_size` bytes (CRC left wrong: nothing should get that far)."""
    name = b"word/document.xml"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(deflated), said_size, len(name), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, 0, len(deflated), said_size,
                          len(name), 0, 0, 0, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(local + name + deflated)
        cd_offset = len(local) + len(name) + len(deflated)
        out.write(central + name)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central) + len(name), cd_offset, 0))


def big_files(folder, size=1.0):
    """Writes the big hostile files, the 50 MB ones at `size` of that; returns their names."""
    big = int(50 * MB * size)
    names = []

    def write(name, chunks):
        with open(os.path.join(folder, name), "wb") as out:
            for c in chunks:
                out.write(c)
        names.append(name)

    write("data-image.html", [b"<html><head><title>Big image</title></head><body><p>Caption of a big picture.</p>",
                              b'<img src="data:image/png;base64,', b"iVBORw0KGgo" * (big // 11), b'"></body></html>'])
    write("nested-100k.html", [b"<html><head><title>Deep</title></head><body>", b"<div><span>" * 50000,
                               b"Deep text at the bottom.", b"</span></div>" * 50000, b"</body></html>"])
    write("unclosed-100k.html", [b"<html><body><p>Opening.</p>", b"<div><b><i>" * 33334, b"<p>Text.</p>" ,
                                 b"</p></li></td>" * 33334, b"</body></html>"])
    write("nested-100k.json", [b"[" * 100000, b"]" * 100000])
    write("nested-100k-object.json", [b'{"a":' * 100000, b"1", b"}" * 100000])
    # News-database exports (issue 16): many markers and nothing between them, many records, one
    # field that never ends; and a style sheet named as an article.
    write("nexis-markers.txt", [b"Length: 1 words\n", b"End of Document\n\n" * 200000])
    write("proquest-many.txt", [b"Document %d of 5000\n\nSame title\n\nFull text: Same text.\n\n" % (i + 1)
                                for i in range(5000)])
    write("factiva-endless.txt", [b"HD\tA title\nPD\t5 March 2020\nLP\tLead.\nTD\t",
                                  b"Line of text that goes on.\n" * (4 * MB // 27),
                                  b"Document ABCDEFGHIJKL0000\n"])
    write("style-as-article.txt", [b"body { margin: 0 }\n" * 100])
    write("nested-100k.jsonl", [b'{"title":"Deep","body":' + b"[" * 100000 + b"]" * 100000 + b"}\n",
                                b'{"title":"Shallow","body":"A normal record after a deep one."}\n'])
    write("wide-10k.csv", [",".join(f"column{i}" for i in range(10000)).encode(), b"\n",
                           ",".join(f"v{i}" for i in range(10000)).encode(), b"\n"])
    write("big-cell.csv", [b"title,body\n", b'"Big cell","', b"word " * (big // 5), b'"\n'])
    write("one-line-50mb.txt", [b"Headline " * 4, b"\n\n", b"The same sentence again and again. " * (big // 35)])
    # One sentence of 2 MB full of relative dates: each one's tense is read from its sentence.
    write("one-sentence-dates.txt", [b"Dates\n\n", b"it happened on Tuesday and then last week and " * (2 * MB // 46)])
    # 2 MB of one article dense with names and dates: 110,000 entity mentions and 22,000 dates, each
    # checked against the body by `gloss check` (which once read the body again for every span).
    write("spans-2mb.txt", [b"Spans\n\nJune 9, 2018\n\nKABUL - ",
                            b"On June 9, 2018, President Ghani met Mike Pompeo of the United States in Kabul and "
                            b"Islamabad. " * (2 * MB // 95)])
    # Documents: a ZIP bomb that says it inflates to 256 MiB (refused from its header) and one that
    # says 1,000 bytes and inflates to 80 MiB (refused when inflating passes the 64 MiB bound); both
    # a few hundred KB, quick to write. An encrypted PDF and one without a text layer.
    zeros = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = b"".join(zeros.compress(b" " * MB) for _ in range(256)) + zeros.flush()
    write_bomb(os.path.join(folder, "bomb-256mib.docx"), bomb, 256 * MB, 256 * MB)
    names.append("bomb-256mib.docx")
    zeros = zlib.compressobj(9, zlib.DEFLATED, -15)
    liar = b"".join(zeros.compress(b" " * MB) for _ in range(80)) + zeros.flush()
    write_bomb(os.path.join(folder, "liar-80mib.docx"), liar, 80 * MB, 1000)
    names.append("liar-80mib.docx")
    for name in ("encrypted.pdf", "scanned.pdf"):
        with open(os.path.join(DOCUMENTS, name), "rb") as src, open(os.path.join(folder, name), "wb") as out:
            out.write(src.read())
        names.append(name)
    rnd = random.Random(10)
    write("random-1mb.bin", [bytes(rnd.getrandbits(8) for _ in range(MB))])
    os.symlink("loop-b.txt", os.path.join(folder, "loop-a.txt"))
    os.symlink("loop-a.txt", os.path.join(folder, "loop-b.txt"))
    names.append("loop-a.txt")
    # A folder whose links lead back to itself and to its parent: each file is read once.
    inner = os.path.join(folder, "dirloop", "inner")
    os.makedirs(inner)
    with open(os.path.join(inner, "article.txt"), "w") as out:
        out.write("Inside a looping folder\n\nThe only article in it.\n")
    os.symlink("..", os.path.join(inner, "up"))
    os.symlink(".", os.path.join(inner, "self"))
    os.symlink("../inner", os.path.join(inner, "again"))
    names.append("dirloop")
    # A named pipe given as a path: read, it would wait for a writer for ever.
    os.mkfifo(os.path.join(folder, "pipe.txt"))
    names.append("pipe.txt")
    return names


# name -> (exit status, imported, refusal pattern on stderr or None). Status 1: something refused.
EXPECTED = {
    "script.html": (0, 1, None),
    "truncated-utf8.txt": (0, 1, None),  # decoded as Windows-1252, with a warning
    "overlong-utf8.txt": (0, 1, None),
    "lone-surrogate-utf8.txt": (0, 1, None),
    "lone-surrogate-utf16.txt": (1, 0, r"not valid UTF-16LE"),
    "truncated-utf16.txt": (1, 0, r"not valid UTF-16LE"),
    "nul-middle.txt": (1, 0, r"NUL character on line"),
    "random.bin": (1, 0, r"binary file"),
    "random-no-nul.txt": (0, 1, None),
    "deep-small.json": (1, 0, r"not valid JSON|no article"),
    "deep-small.html": (0, 1, None),
    "wide-small.csv": (1, 0, r"body|no article"),
    "data-image.html": (0, 1, None),
    "nested-100k.html": (0, 1, None),
    "unclosed-100k.html": (0, 1, None),
    "nested-100k.json": (1, 0, r"not valid JSON"),
    "nested-100k-object.json": (1, 0, r"not valid JSON"),
    "nested-100k.jsonl": (1, 1, r"line 1"),
    "wide-10k.csv": (1, 0, r"body|no article"),
    "big-cell.csv": (0, 1, None),
    "one-line-50mb.txt": (0, 1, None),
    "one-sentence-dates.txt": (0, 1, None),
    "spans-2mb.txt": (0, 1, None),
    "random-1mb.bin": (1, 0, r"binary file"),
    "loop-a.txt": (1, 0, r"a loop of symbolic links"),
    "dirloop": (0, 1, None),
    "pipe.txt": (1, 0, r"not a regular file"),
    "damaged-xml.docx": (1, 0, r"damaged XML in word/document.xml \(line"),
    "truncated.docx": (1, 0, r"damaged or truncated ZIP archive"),
    "truncated.pdf": (1, 0, r"damaged PDF"),
    "deep-small.rtf": (1, 0, r"groups nested more than 10000 deep"),
    "bomb-256mib.docx": (1, 0, r"word/document.xml would inflate to 256 MiB \(the limit is 64 MiB\)"),
    "liar-80mib.docx": (1, 0, r"word/document.xml (inflates to more than 64 MiB|is damaged)"),
    "encrypted.pdf": (1, 0, r"encrypted PDF: it needs a password"),
    "scanned.pdf": (1, 0, r"no text layer \(a scanned image\?\)"),
    "nexis-markers.txt": (1, 0, r"no article|document 1 \(line 1\): no body"),
    "proquest-many.txt": (0, 1, None),
    "factiva-endless.txt": (0, 1, None),
    "style-as-article.txt": (1, 0, r"not an article \(looks like a CSS style sheet\)"),
}

# What the stored body of an imported HTML article must not hold.
MARKUP = re.compile(r"<|>|alert\(|onerror|onload|javascript:|file://|http://|data:image", re.I)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gloss")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies the time bound")
    ap.add_argument("--size", type=float, default=1.0, help="fraction of the 50 MB files' size")
    ap.add_argument("--memory-scale", type=float, default=None, help="multiplies the memory bound (default: --scale)")
    ap.add_argument("--keep")
    ap.add_argument("--only")
    args = ap.parse_args()
    time_bound = 10.0 * args.scale
    mem_bound = 500.0 * (args.memory_scale if args.memory_scale is not None else args.scale)
    tmp = tempfile.TemporaryDirectory(prefix="gloss-hostile-")
    folder = args.keep or tmp.name
    os.makedirs(folder, exist_ok=True)
    for name, data in small_files().items():
        with open(os.path.join(folder, name), "wb") as out:
            out.write(data)
    big_files(folder, args.size)
    env = dict(os.environ)
    env.pop("GLOSS_PROJECT", None)

    failures = [f"{name} (no expectation for it in EXPECTED)" for name in small_files() if name not in EXPECTED]
    print(f"bounds: {time_bound:.0f} s of CPU, {mem_bound:.0f} MB resident")
    for name, (status, imported, refusal) in EXPECTED.items():
        if args.only and not re.search(args.only, name):
            continue
        project = os.path.join(folder, name.replace(".", "_") + ".gloss")
        path = os.path.join(folder, name)
        cmd = [args.gloss, "--project", project, "import", path]
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        # wait4 gives the child's own peak resident size.
        timed_out = False
        try:
            out, err = proc.communicate(timeout=time_bound * 3)
        except subprocess.TimeoutExpired:
            timed_out = True
            proc.kill()
            out, err = proc.communicate()
        seconds = time.monotonic() - start
        out = out.decode(errors="replace")
        err = err.decode(errors="replace")
        rss_mb, cpu = proc_usage.get(proc.pid, (0.0, 0.0))
        check_cpu = 0.0
        problems = []
        if timed_out:
            problems.append("did not finish")
        if proc.returncode != status:
            problems.append(f"exit status {proc.returncode}, expected {status}")
        m = re.search(r"imported (\d+)", out)
        if not m or int(m.group(1)) != imported:
            problems.append(f"expected {imported} imported: {out.strip()!r}")
        if refusal and not re.search(refusal, err):
            problems.append(f"expected a refusal matching {refusal!r}: {err.strip()[:300]!r}")
        if re.search(r"AddressSanitizer|runtime error|Segmentation|Aborted", err):
            problems.append("crashed: " + err[:2000])
        # The bound is on the CPU time the import spent (user + system), which a busy machine
        # (ctest -j2, a shared host) changes far less than wall time; a hang is caught by the wall
        # time limit above, three times the bound.
        if cpu > time_bound:
            problems.append(f"took {cpu:.1f} s of CPU (bound {time_bound:.0f} s)")
        if rss_mb > mem_bound:
            problems.append(f"used {rss_mb:.0f} MB (bound {mem_bound:.0f} MB)")
        if os.path.exists(project):
            # gloss check reads every span of the long articles: within the same bounds.
            check = subprocess.Popen([args.gloss, "--project", project, "check"], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=env)
            try:
                check_out, _ = check.communicate(timeout=time_bound * 3)
            except subprocess.TimeoutExpired:
                check.kill()
                check_out, _ = check.communicate()
                problems.append(f"check did not finish in {time_bound * 3:.0f} s")
            check_mb, check_cpu = proc_usage.get(check.pid, (0.0, 0.0))
            if check_cpu > time_bound:
                problems.append(f"check took {check_cpu:.1f} s of CPU (bound {time_bound:.0f} s)")
            if check_mb > mem_bound:
                problems.append(f"check used {check_mb:.0f} MB (bound {mem_bound:.0f} MB)")
            if check.returncode != 0 or "clean" not in check_out or "NOT clean" in check_out:
                problems.append("check: " + check_out.strip())
            if name.endswith(".html") and imported:
                shown = subprocess.run([args.gloss, "--project", project, "show", "1", "--format", "json"],
                                       capture_output=True, text=True, env=env)
                body = json.loads(shown.stdout).get("body", "") if shown.returncode == 0 else ""
                if not body:
                    problems.append("no body shown: " + shown.stderr.strip())
                elif MARKUP.search(body):
                    problems.append(f"markup or a resource in the body: {MARKUP.search(body).group(0)!r}")
        print(f"{'FAIL' if problems else 'ok  '} {name:28} {cpu:6.2f} s cpu {seconds:6.2f} s {rss_mb:7.1f} MB  "
              f"check {check_cpu:6.2f} s cpu  {out.strip()}  "
              f"{err.strip().splitlines()[0][:110] if err.strip() else ''}")
        for p in problems:
            print(f"     {p}")
        if problems:
            failures.append(name)
    if failures:
        print(f"{len(failures)} hostile files failed: {', '.join(failures)}")
        return 1
    print("all hostile files met their bounds")
    return 0


proc_usage = {}  # pid -> (peak resident MB, CPU seconds)
_popen_wait = subprocess.Popen._try_wait


def _try_wait(self, wait_flags):
    """Popen's reaping through wait4, to keep the child's peak resident size and CPU time."""
    try:
        pid, sts, usage = os.wait4(self.pid, wait_flags)
    except ChildProcessError:
        return (self.pid, 0)
    if pid == self.pid:
        proc_usage[pid] = (usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime)
    return (pid, sts)


subprocess.Popen._try_wait = _try_wait

if __name__ == "__main__":
    sys.exit(main())
