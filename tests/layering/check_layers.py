#!/usr/bin/env python3
"""The layering test: reads every source's #include "..." lines and fails on any edge the layers
of docs/architecture.md forbid, naming the file, the line and the rule.

    check_layers.py SOURCE_DIR [--plant FILE:INCLUDE]...

--plant adds a virtual line `#include "INCLUDE"` to FILE (relative to SOURCE_DIR), to prove that
the check fails on a forbidden include (tests/CMakeLists.txt runs it both ways).

Layers, bottom to top (a layer may include itself and any layer below it that its row names):
  model, text, csv, search   value types, code points, CSV, the search query language
  storage                    the engine-neutral store and repository interfaces: model, text, search
  sqlite                     storage/sqlite/, the embedded engine (SQL for SQLite): storage and the
                             pure layers; operations reach it only through ENGINE_DOORS
  postgres                   storage/postgres/, the team server's engine (SQL for PostgreSQL): storage,
                             the pure layers, and sqlite (a team project is pushed from and pulled
                             into a project file); operations reach it only through ENGINE_DOORS
  extract, import,           pure work on text and files: model, text, csv, search — not storage,
  interchange, analysis      not each other, not operations
  operations                 the one way to change a project: everything in core but the command line
  cli                        the command line: operations and the pure layers, never storage
  ui                         the window: operations and the pure layers, never storage
  app                        main.cpp: ui, cli, operations
"""
import os
import re
import sys

PURE = {"model", "text", "csv", "search"}
WORK = {"extract", "import", "interchange", "analysis"}
ALLOWED = {
    "model": {"model", "text"},
    "text": {"text", "model"},
    "csv": {"csv", "text", "model"},
    "search": {"search", "text", "model"},
    "storage": {"storage"} | PURE,
    "sqlite": {"sqlite", "storage"} | PURE,
    "postgres": {"postgres", "sqlite", "storage"} | PURE,
    "extract": {"extract"} | PURE,
    "import": {"import"} | PURE,
    "interchange": {"interchange"} | PURE,
    "analysis": {"analysis"} | PURE,
    "operations": {"operations", "storage"} | PURE | WORK,
    "cli": {"cli", "operations"} | PURE | WORK,
    "ui": {"ui", "operations"} | PURE | WORK,
    "app": {"app", "ui", "cli", "operations"} | PURE | WORK,
}
# The only files above storage that name an engine: opening a project picks its engine, and a
# backup is an engine's own copy of its file, the team commands set up a server and move projects
# between the engines. Every other operation sees the neutral storage::Store.
ENGINE_DOORS = {"core/operations/project.cpp", "core/operations/backups.cpp", "core/operations/team.cpp"}
ENGINES = {"sqlite", "postgres"}
# Where each part's own #include "x/y.h" lines are looked up, in the compiler's order.
ROOTS = {"core": ["core", "."], "cli": [".", "core"], "ui": ["ui", "core", "."], "app": ["ui", ".", "core"]}
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
SOURCE = (".h", ".cpp")


def layer_of(relpath):
    """The layer of a file, from its path under SOURCE_DIR (None: not layered)."""
    parts = relpath.split("/")
    if parts[0] == "core" and len(parts) > 3 and parts[1] == "storage" and parts[2] in ENGINES:
        return parts[2]
    if parts[0] == "core" and len(parts) > 2:
        return parts[1] if parts[1] in ALLOWED else None
    if parts[0] in ("ui", "cli", "app"):
        return parts[0]
    return None


def resolve(root, including, target):
    """The path (under root) of the header `target` included from `including`, or None."""
    top = including.split("/")[0]
    for base in ROOTS.get(top, []):
        candidate = target if base == "." else f"{base}/{target}"
        if os.path.isfile(os.path.join(root, candidate)) or candidate in PLANTED_FILES:
            return candidate
    return None


def edges(root, planted):
    for top in ("core", "ui", "cli", "app"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith(SOURCE):
                    continue
                path = os.path.relpath(os.path.join(folder, name), root)
                with open(os.path.join(root, path), encoding="utf-8") as f:
                    lines = f.read().splitlines()
                for number, line in enumerate(lines, 1):
                    m = INCLUDE.match(line)
                    if m:
                        yield path, number, m.group(1)
                    elif top != "core":
                        code = line.split("//", 1)[0]
                        if STORAGE_NAME.search(code):
                            TOKENS.append(f"{path}:{number}: storage reached from {top}/ ({code.strip()})")
    for path, target in planted:
        yield path, 0, target


PLANTED_FILES = set()
# Names of storage used above the operations layer (by a header reached some other way).
STORAGE_NAME = re.compile(r"\bstorage::|\bTransaction\b|[.>]store\(\)")
TOKENS = []


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1]
    planted = []
    rest = argv[2:]
    while rest:
        if rest[0] != "--plant" or len(rest) < 2 or ":" not in rest[1]:
            print("usage: check_layers.py SOURCE_DIR [--plant FILE:INCLUDE]...", file=sys.stderr)
            return 2
        planted.append(tuple(rest[1].split(":", 1)))
        rest = rest[2:]
    PLANTED_FILES.update(p for p, _ in planted)

    problems = []
    checked = 0
    for path, number, target in edges(root, planted):
        source = layer_of(path)
        if source is None:
            continue
        checked += 1
        header = resolve(root, path, target)
        if header is None:
            continue  # a generated or system header
        dest = layer_of(header)
        if dest is None:
            continue
        allowed = ALLOWED[source] | (ENGINES if path in ENGINE_DOORS else set())
        if dest not in allowed:
            where = f"{path}:{number}" if number else f"{path} (planted)"
            problems.append(f"{where}: {source} -> {dest} is forbidden (#include \"{target}\"); "
                            f"{source} may include {', '.join(sorted(allowed))}")
    problems += TOKENS
    for p in problems:
        print(p)
    if problems:
        print(f"layering: {len(problems)} forbidden edge(s) among {checked} includes")
        return 1
    print(f"layering: {checked} includes checked, none forbidden")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
