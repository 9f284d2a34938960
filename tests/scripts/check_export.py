#!/usr/bin/env python3
"""Checks Gloss CSV exports against the project file they came from, the way an analyst's tools read them.

usage: check_export.py PROJECT.gloss DIR [--raw] [--bom]

DIR holds highlights.csv, highlights-wide.csv, articles.csv (exported --with-body), codebook.csv and
entities.csv. Every expected row is computed here from the project with Python's own sqlite3 and
string slicing (code points), independently of Gloss; each file is then read with the csv module
and compared cell by cell, and also byte for byte against what csv.writer makes of the expected
rows (RFC 4180, CRLF). Exits 1 with the differences on the first layout that disagrees.
"""

import csv
import io
import sqlite3
import sys

HEADERS = {
    "highlights": "article_id,article_title,published,source,highlight_id,start,end,text,tag,note,coder,created,modified",
    "highlights-wide": "article_id,article_title,published,source,highlight_id,start,end,text,tags,note,coder,created,modified",
    "articles": "article_id,title,published,retrieved,dateline,source,url,words,tags,note,highlights,entities,body",
    "codebook": "tag,parent,color,description,highlights,articles",
    "entities": "entity,type,aliases,articles,mentions,first_published,last_published",
}

# Columns that hold numbers: never guarded.
NUMERIC = {
    "highlights": {0, 4, 5, 6},
    "highlights-wide": {0, 4, 5, 6},
    "articles": {0, 7, 10, 11},
    "codebook": {4, 5},
    "entities": {3, 4},
}


def is_formula(text):
    if not text:
        return False
    if text[0] in "=@\t\r":
        return True
    if text[0] in "+-":
        try:
            float(text)
            return False
        except ValueError:
            return True
    return False


def guard(text):
    """The README's rule: an apostrophe before a cell a spreadsheet would run as a formula
    (and before apostrophes that precede one, so that the guard can be undone exactly)."""
    return "'" + text if is_formula(text.lstrip("'")) else text


def nocase(text):
    # SQLite's NOCASE folds ASCII letters only.
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


def opt(value):
    return "" if value is None else str(value)


def article_order(a):
    # ORDER BY published (no date first), id
    return (a["published"] is not None, a["published"] or "", a["id"])


def expected(db):
    db.row_factory = sqlite3.Row
    articles = {r["id"]: dict(r) for r in db.execute("SELECT * FROM articles")}
    ordered = sorted(articles.values(), key=article_order)
    tags = {r["id"]: dict(r) for r in db.execute("SELECT * FROM tags")}

    def path(tag_id):
        parts = []
        while tag_id is not None:
            parts.insert(0, tags[tag_id]["name"])
            tag_id = tags[tag_id]["parent_id"]
        return " > ".join(parts)

    notes = {r["highlight_id"]: r["body"] for r in db.execute("SELECT * FROM notes WHERE highlight_id IS NOT NULL")}
    article_notes = {r["article_id"]: r["body"] for r in db.execute("SELECT * FROM notes WHERE article_id IS NOT NULL")}
    highlight_tags = {}
    for r in db.execute("SELECT * FROM highlight_tags ORDER BY highlight_id, position, tag_id"):
        highlight_tags.setdefault(r["highlight_id"], []).append(r["tag_id"])
    highlights = {}
    for r in db.execute("SELECT * FROM highlights ORDER BY article_id, start, id"):
        highlights.setdefault(r["article_id"], []).append(dict(r))

    narrow, wide = [], []
    for a in ordered:
        body = a["body"]
        for h in highlights.get(a["id"], []):
            text = body[h["start"]:h["end"]]  # code points, as the contract says
            assert text == h["quote"], (a["id"], h["id"], text, h["quote"])
            base = [str(a["id"]), a["title"], opt(a["published"]), a["source"], str(h["id"]), str(h["start"]),
                    str(h["end"]), text]
            tail = [notes.get(h["id"], ""), h["coder"], h["created"], h["modified"]]
            tag_ids = highlight_tags.get(h["id"], [])
            for t in tag_ids or [None]:
                narrow.append(base + [path(t) if t else ""] + tail)
            wide.append(base + ["; ".join(path(t) for t in tag_ids)] + tail)

    article_tags = {}
    for r in db.execute("SELECT * FROM article_tags"):
        article_tags.setdefault(r["article_id"], []).append(path(r["tag_id"]))
    mentions = list(db.execute("SELECT * FROM mentions"))
    arts = []
    for a in ordered:
        count = sum(1 for hs in highlights.get(a["id"], []))
        entities = len({m["entity_id"] for m in mentions if m["article_id"] == a["id"]})
        arts.append([str(a["id"]), a["title"], opt(a["published"]), opt(a["retrieved"]), a["dateline"], a["source"],
                     a["url"], str(a["words"]), "; ".join(sorted(article_tags.get(a["id"], []))),
                     article_notes.get(a["id"], ""), str(count), str(entities), a["body"]])

    # Codebook in tree order: siblings by position, then name.
    children = {}
    for t in sorted(tags.values(), key=lambda t: (t["position"], nocase(t["name"]))):
        children.setdefault(t["parent_id"], []).append(t)
    codebook = []
    highlight_of = {h["id"]: h for hs in highlights.values() for h in hs}

    def visit(parent):
        for t in children.get(parent, []):
            uses = [hid for hid, ts in highlight_tags.items() if t["id"] in ts]
            tagged_articles = {highlight_of[hid]["article_id"] for hid in uses}
            tagged_articles |= {aid for aid, paths in article_tags.items() if path(t["id"]) in paths}
            codebook.append([path(t["id"]), path(t["parent_id"]) if t["parent_id"] else "", t["color"],
                             t["description"], str(len(uses)), str(len(tagged_articles))])
            visit(t["id"])

    visit(None)

    entity_rows = []
    for e in db.execute("SELECT * FROM entities"):
        own = [m for m in mentions if m["entity_id"] == e["id"]]
        aliases = sorted((r["alias"] for r in db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (e["id"],))
                          if r["alias"] != e["name"]), key=lambda s: (nocase(s), s))
        dates = sorted(articles[m["article_id"]]["published"] for m in own if articles[m["article_id"]]["published"])
        entity_rows.append([e["name"], e["type"], "; ".join(aliases), str(len({m["article_id"] for m in own})),
                            str(len(own)), dates[0] if dates else "", dates[-1] if dates else ""])
    entity_rows.sort(key=lambda r: (nocase(r[0]), r[0], r[1]))

    return {"highlights": narrow, "highlights-wide": wide, "articles": arts, "codebook": codebook,
            "entities": entity_rows}


def main():
    args = sys.argv[1:]
    raw = "--raw" in args
    bom = "--bom" in args
    project, folder = [a for a in args if not a.startswith("--")]
    db = sqlite3.connect("file:" + project + "?mode=ro", uri=True)
    want = expected(db)
    failures = 0
    for layout, header in HEADERS.items():
        rows = [[cell if raw or i in NUMERIC[layout] else guard(cell) for i, cell in enumerate(r)]
                for r in want[layout]]
        with open(f"{folder}/{layout}.csv", "rb") as f:
            data = f.read()
        if bom != data.startswith(b"\xef\xbb\xbf"):
            print(f"{layout}: a BOM was {'expected' if bom else 'not expected'}")
            failures += 1
        with open(f"{folder}/{layout}.csv", newline="", encoding="utf-8-sig") as f:
            got = list(csv.reader(f))
        if not got or got[0] != header.split(","):
            print(f"{layout}: header {got[:1]} is not {header}")
            failures += 1
            continue
        got = got[1:]
        if len(got) != len(rows):
            print(f"{layout}: {len(got)} rows, expected {len(rows)}")
            failures += 1
        for n, (g, w) in enumerate(zip(got, rows), start=2):
            for i, (gc, wc) in enumerate(zip(g, w)):
                if gc != wc:
                    print(f"{layout}: row {n}, column {header.split(',')[i]}: {gc!r} != {wc!r}")
                    failures += 1
            if len(g) != len(w):
                print(f"{layout}: row {n} has {len(g)} cells, expected {len(w)}")
                failures += 1
        # Byte for byte: RFC 4180 with CRLF, fields quoted only when needed.
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header.split(","))
        writer.writerows(rows)
        wanted_bytes = (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")
        if data != wanted_bytes:
            at = next((i for i, (x, y) in enumerate(zip(data, wanted_bytes)) if x != y), min(len(data), len(wanted_bytes)))
            print(f"{layout}: bytes differ at {at}: {data[max(0, at - 40):at + 40]!r} vs {wanted_bytes[max(0, at - 40):at + 40]!r}")
            failures += 1
        # The offsets contract, read back from the file alone.
        if layout == "highlights":
            bodies = {r[0]: r[12] for r in want["articles"]}
            for n, g in enumerate(got, start=2):
                text = g[7] if raw else (g[7][1:] if g[7].startswith("'") and is_formula(g[7][1:].lstrip("'")) else g[7])
                if bodies[g[0]][int(g[5]):int(g[6])] != text:
                    print(f"{layout}: row {n}: body[start:end] != text")
                    failures += 1
        print(f"{layout}: {len(got)} rows checked")
    if failures:
        print(f"{failures} differences")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
