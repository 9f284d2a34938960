#!/usr/bin/env python3
"""Writes a corpus of distinct news-text articles (~3 KB each) for measuring import.

Usage: gen_newstext.py OUTDIR [COUNT] [SEED]

Each file has the news-text layout Gloss reads: a retrieval date, a title, a publication date
in one of several newspaper styles, and a body of paragraphs opening with an agency dateline.
Deterministic for a given seed.
"""
import datetime
import os
import random
import sys

PLACES = ["WASHINGTON", "KABUL, Afghanistan (Reuters)", "ISLAMABAD, June 9 (AP)", "BRUSSELS", "SÃO PAULO (AFP)",
          "MADRID (AFP)", "LAHORE, Pakistan (AFP)", "SAN FRANCISCO (Reuters)"]
SEPARATORS = [":", " —", " -", " -", " —", " -", " -", " -"]
WORDS = ("government officials said ceasefire talks would resume next week after the delegation returned from "
         "the capital where ministers met envoys from neighbouring countries to discuss trade tariffs floods "
         "reservoirs privacy regulators senators hearing company users data leak settlement agreement court "
         "protesters farmers olive growers steel aluminium exports duties commission parliament committee vote "
         "rain storms landslides rescue workers city council mayor budget loan bank election campaign").split()
NAMES = ["Ashraf Ghani", "Mike Pompeo", "Cécile Måløy", "José Ángel Núñez", "Imran Khan", "Daniel Okafor",
         "Ingrid Sørensen", "Luíza Gonçalves", "Vitor Aragão", "Zalmay Khalilzad"]


def date_line(d, rng):
    style = rng.randrange(5)
    if style == 0:
        return d.strftime("%B %d, %Y")
    if style == 1:
        return f"{d.day} {d.strftime('%B %Y')}"
    if style == 2:
        return d.strftime("%a, ") + f"{d.day} " + d.strftime("%b %Y")
    if style == 3:
        return d.isoformat()
    return d.strftime("%B ") + f"{d.day}, {d.year} 10:32 AM EDT"


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def article(i, rng):
    published = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randrange(365))
    place = rng.randrange(len(PLACES))
    title = f"Story {i}: " + " ".join(rng.choice(WORDS) for _ in range(8))
    paragraphs = []
    size = 0
    while size < 2900:
        para = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    paragraphs[0] = f"{PLACES[place]}{SEPARATORS[place]} Article {i}. " + paragraphs[0]
    return "\n\n".join(["Tuesday September 26, 2023", title, date_line(published, rng)] + paragraphs) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    total = 0
    for i in range(count):
        sub = os.path.join(out, f"{i // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        data = article(i, rng).encode("utf-8")
        total += len(data)
        with open(os.path.join(sub, f"article-{i:05d}.txt"), "wb") as f:
            f.write(data)
    print(f"{count} articles, {total} bytes ({total / count:.0f} bytes each) in {out}")


if __name__ == "__main__":
    main()
