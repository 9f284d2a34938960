#!/usr/bin/env python3
"""Measures the window's memory on one very long article (issue 15: at 60 MiB, within 300 MB).

    tests/bench/long_article_memory.py [--build DIR] [--mib 60] [--work DIR] [--shots PREFIX]

Builds a Release gloss in build/release-mem (no sanitizers: they inflate memory) unless --build
names a build folder that has one; writes a one-paragraph article with tools/long-article.py and
imports it with `gloss import --max-size` (both kept in --work, default /tmp/gloss-long-article,
and reused by the next run: the import of 60 MiB takes about a minute of CPU); then opens the
window on it under Xvfb (1400x900), lets it show the article until its memory stops growing,
clicks into the body and scrolls to the end (Ctrl+End), back to the start, to the middle (the
scroll bar dragged), makes a highlight there (a word selected by a double click, key H), and reports the
resident set (VmRSS) and its peak (VmHWM, from /proc/PID/status) after each stage. The figure
to compare with the target is the last peak. --shots PREFIX saves a screenshot after each stage.
By hand, not by ctest: figures go to docs/performance.md ("Very long articles").
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TARGET_MB = 300


def status(pid: int) -> dict:
    """VmRSS and VmHWM of a running process, in MB (10^6 bytes)."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) * 1024 / 1e6
    return out


def cpu(pid: int) -> float:
    """User + system CPU seconds of a running process."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(proc: subprocess.Popen, quiet_s: float, limit_s: float, least_s: float = 2.0) -> dict:
    """Waits until the process is idle: its resident set has not changed by more than 1 MB, nor its
    CPU time by more than a tenth of the time, for quiet_s."""
    start = time.monotonic()
    last = status(proc.pid)
    last_cpu = cpu(proc.pid)
    stable_since = time.monotonic()
    while time.monotonic() - start < limit_s:
        time.sleep(0.5)
        if proc.poll() is not None:
            sys.exit(f"the window exited early (status {proc.returncode})")
        now = status(proc.pid)
        now_cpu = cpu(proc.pid)
        if abs(now["VmRSS"] - last["VmRSS"]) > 1 or now["VmHWM"] != last["VmHWM"] or now_cpu - last_cpu > 0.05:
            stable_since = time.monotonic()
        last, last_cpu = now, now_cpu
        if time.monotonic() - start > least_s and time.monotonic() - stable_since > quiet_s:
            break
    return last


def build(build_dir: str) -> str:
    gloss = os.path.join(build_dir, "app", "gloss")
    if not os.path.exists(os.path.join(build_dir, "CMakeCache.txt")):
        subprocess.run(["cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                        "-DGLOSS_SANITIZE=OFF"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["nice", "ninja", "-C", build_dir, "-j2", "gloss"], check=True, stdout=subprocess.DEVNULL)
    return gloss


def xdo(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True)


def shoot(display: str, prefix: str, stage: str) -> None:
    if prefix:
        path = f"{prefix}-{stage}.png"
        subprocess.run(["import", "-window", "root", path], env={**os.environ, "DISPLAY": display}, check=True)
        print(f"  screenshot {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", help="a build folder with app/gloss (default: build/release-mem, built)")
    parser.add_argument("--mib", type=float, default=60, help="size of the article in MiB (default 60)")
    parser.add_argument("--work", default="/tmp/gloss-long-article", help="where the article and project are kept")
    parser.add_argument("--display", default=":97", help="the Xvfb display to start (default :97)")
    parser.add_argument("--shots", default="", help="save a screenshot after each stage as PREFIX-STAGE.png")
    args = parser.parse_args()

    if args.build:
        gloss = os.path.join(args.build, "app", "gloss")
        if not os.access(gloss, os.X_OK):
            sys.exit(f"{gloss}: no gloss executable there")
    else:
        gloss = build(os.path.join(ROOT, "build", "release-mem"))
    cache = os.path.join(args.build or os.path.join(ROOT, "build", "release-mem"), "CMakeCache.txt")
    if os.path.exists(cache) and "GLOSS_SANITIZE:BOOL=ON" in open(cache).read():
        print("warning: this build has the sanitizers: its memory is not the Release figure", file=sys.stderr)

    os.makedirs(args.work, exist_ok=True)
    article = os.path.join(args.work, f"a{args.mib:g}.txt")
    project = os.path.join(args.work, f"a{args.mib:g}.gloss")
    if not os.path.exists(article):
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "long-article.py"), article, "--mib",
                        str(args.mib)], check=True)
    if not os.path.exists(project):
        started = time.monotonic()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([gloss, "--project", project + ".part", "import", article, "--max-size",
                        str(int(args.mib) + 10)], check=True, stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        os.replace(project + ".part", project)
        print(f"import: {time.monotonic() - started:.1f} s wall, "
              f"{after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime:.1f} s CPU, "
              f"peak {after.ru_maxrss * 1024 / 1e6:.0f} MB")
    print(f"article {article}: {os.path.getsize(article) / 1e6:.1f} MB; project {project}: "
          f"{os.path.getsize(project) / 1e6:.1f} MB")

    home = tempfile.mkdtemp(prefix="gloss-home-")
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    window = None
    try:
        time.sleep(1.5)
        if xvfb.poll() is not None:
            sys.exit(f"Xvfb could not start on {args.display} (in use? pass --display)")
        env = {**os.environ, "DISPLAY": args.display, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": home,
               "XDG_DATA_HOME": home, "HOME": home, "GLOSS_CODER": "bench"}
        started = time.monotonic()
        window = subprocess.Popen([gloss, "--project", project], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        rows = []
        shown = settle(window, quiet_s=4, limit_s=600)
        rows.append(("article shown, idle", shown, time.monotonic() - started, cpu(window.pid)))
        shoot(args.display, args.shots, "shown")

        # The body is the widest widget on the right of the article list: click into its text
        # (which selects nothing) and go to its end, then to its middle.
        xdo(args.display, "mousemove", "900", "500", "click", "1")
        time.sleep(0.5)
        xdo(args.display, "key", "ctrl+End")
        end = settle(window, quiet_s=3, limit_s=300)
        rows.append(("scrolled to the end", end, time.monotonic() - started, cpu(window.pid)))
        shoot(args.display, args.shots, "end")
        for _ in range(3):  # Page Up from the end takes long; the scroll bar's middle is one click
            xdo(args.display, "key", "ctrl+Home")
        mid = settle(window, quiet_s=3, limit_s=300)
        rows.append(("back to the start", mid, time.monotonic() - started, cpu(window.pid)))
        shoot(args.display, args.shots, "start")

        # The middle: the scroll bar's handle (at the top of its track, right of the body) dragged
        # halfway down; then a highlight made there (a word double-clicked, key H).
        xdo(args.display, "mousemove", "975", "208", "mousedown", "1", "sleep", "0.3", "mousemove", "975", "300",
            "sleep", "0.3", "mousemove", "975", "352", "sleep", "0.5", "mouseup", "1")
        middle = settle(window, quiet_s=3, limit_s=300)
        rows.append(("scrolled to the middle", middle, time.monotonic() - started, cpu(window.pid)))
        shoot(args.display, args.shots, "middle")
        xdo(args.display, "mousemove", "640", "290", "click", "--repeat", "2", "--delay", "80", "1")
        time.sleep(0.5)
        xdo(args.display, "key", "h")
        marked = settle(window, quiet_s=3, limit_s=300)
        rows.append(("a highlight made there", marked, time.monotonic() - started, cpu(window.pid)))
        shoot(args.display, args.shots, "highlight")

        print(f"{'stage':<24} {'VmRSS':>9} {'VmHWM':>9} {'at':>8} {'CPU':>8}")
        for name, s, at, used in rows:
            print(f"{name:<24} {s['VmRSS']:>6.0f} MB {s['VmHWM']:>6.0f} MB {at:>6.1f} s {used:>6.1f} s")
        peak = rows[-1][1]["VmHWM"]
        print(f"window peak RSS: {peak:.0f} MB (target < {TARGET_MB} MB: {'met' if peak < TARGET_MB else 'MISSED'})")
        return 0
    finally:
        if window is not None and window.poll() is None:
            window.terminate()
            try:
                window.wait(10)
            except subprocess.TimeoutExpired:
                window.kill()
                window.wait()
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
