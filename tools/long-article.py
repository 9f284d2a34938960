#!/usr/bin/env python3
"""Writes one news-text article whose body is a single very long paragraph, for trying the
reader's limits (docs/performance.md, "Very long articles").

    tools/long-article.py OUT.txt --mib 60 [--emoji] [--paragraphs N] [--seed S]

The file is a title line, a publication date and the body: sentences of news prose with names,
places and dates in them (so the entity and date panels have something to show), in one line
unless --paragraphs splits it. --emoji puts an emoji (a surrogate pair in UTF-16) into about one
sentence in twenty. Import it with `gloss import OUT.txt --max-size MIB` where MIB exceeds the
file's size (the importer's default limit is 64 MiB).
"""

import argparse
import random
import sys

SUBJECTS = ["The minister", "Officials in Brussels", "Angela Merkel", "A spokesman for the United Nations",
            "Residents of Kabul", "The central bank", "Farmers near Lyon", "The opposition leader",
            "Negotiators from Washington", "Aid workers in Islamabad", "The company", "Prosecutors"]
VERBS = ["said", "warned", "announced", "denied", "confirmed", "suggested", "reported", "argued"]
OBJECTS = ["that talks would resume", "that the budget was out of reach", "a new round of sanctions",
           "that the border would stay closed", "an inquiry into the contracts", "that prices kept rising",
           "that the vote would be delayed", "a plan to rebuild the bridge", "that no agreement was near"]
WHEN = ["on Monday", "last week", "on June 9, 2018", "in March", "on Tuesday September 26, 2023",
        "two days ago", "on 14 February 2021", "next month", "earlier this year", ""]
EMOJI = ["\U0001F600", "\U0001F30D", "\U0001F4F0", "\U0001F91D", "\U0001F6A8"]


def sentence(rng: random.Random, emoji: bool) -> str:
    when = rng.choice(WHEN)
    words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)] + ([when] if when else [])
    text = " ".join(words) + "."
    if emoji and rng.random() < 0.05:
        text = text[:-1] + " " + rng.choice(EMOJI) + "."
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--mib", type=float, required=True, help="size of the body in MiB (of UTF-8)")
    parser.add_argument("--emoji", action="store_true", help="put emoji into some sentences")
    parser.add_argument("--paragraphs", type=int, default=1, help="number of paragraphs (default 1)")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    if args.mib <= 0 or args.paragraphs < 1:
        parser.error("--mib must be positive and --paragraphs at least 1")

    rng = random.Random(args.seed)
    target = int(args.mib * 1024 * 1024)
    per_paragraph = max(1, target // args.paragraphs)
    written = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"A very long article of {args.mib:g} MiB\n\nJune 9, 2018\n\n")
        for p in range(args.paragraphs):
            if p:
                out.write("\n\n")
            size = 0
            parts = []
            while size < per_paragraph and written + size < target:
                s = sentence(rng, args.emoji)
                parts.append(s)
                size += len(s.encode("utf-8")) + 1
                if len(parts) >= 4096:
                    out.write(" ".join(parts) + " ")
                    parts = []
            out.write(" ".join(parts))
            written += size
        out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
