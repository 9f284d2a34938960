#!/usr/bin/env python3
"""Writes datelines.tsv: invented wire-story openings with the dateline each should yield.

Columns: the body's opening, the place expected (empty: no dateline), the prefix expected (the
dateline and its separator). The forms are those of issue 16 item 4 (mixed case, no space before
the dash, a space before the comma, day before month, lower-case months) beside the classic ones,
and openings that must not be read as datelines. Run it again to regenerate (fixed seed)."""
import random

random.seed(16)
CAPS = ["NEW YORK", "WASHINGTON", "TORONTO", "ATLANTA", "LONDON", "TOKYO", "BAHIA BLANCA", "ST. LOUIS",
        "WINSTON-SALEM", "SÃO PAULO", "ZÜRICH", "OTTAWA", "CHICAGO", "BRUSSELS", "KUALA LUMPUR", "RIO DE JANEIRO",
        "BUENOS AIRES", "FRANKFURT", "HONG KONG", "DES MOINES", "LOS ANGELES", "PARIS", "BONN", "MANILA",
        "WELLINGTON", "NAIROBI", "O'HARE", "MEXICO CITY", "CAPE TOWN", "SAN FRANCISCO"]
MIXED = ["Toronto", "New York", "Atlanta", "Rio de Janeiro", "St. Louis", "Winston-Salem", "São Paulo", "Chicago",
         "Buenos Aires", "Hong Kong", "Des Moines", "Ottawa", "Frankfurt", "Kuala Lumpur", "Mexico City", "Bonn",
         "Stratford-upon-Avon", "Zürich", "Wellington", "Cape Town"]
REGIONS = ["Argentina", "Ontario", "Ont.", "N.J.", "Calif.", "Brazil", "West Germany", "Philippines", "Texas",
           "New South Wales"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ABBR = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec", "Feb.", "Jan."]
AGENCIES = ["Reuters", "AP", "AFP", "dpa", "UPI"]
DASHES = [" -", " --", " \u2014", " \u2013"]
STARTS = ["American Express Co said it", "The Federal Reserve said", "Shares of the company rose", "Officials said",
          "Grain traders expect", "The central bank cut", "Oil prices fell", "Union leaders rejected"]


def month():
    return random.choice(ABBR + MONTHS)


def day():
    return str(random.randint(1, 28))


def rows():
    out = []

    def add(prefix, place):
        out.append((prefix + " " + random.choice(STARTS) + " on Tuesday.", place, prefix))

    for _ in range(60):  # classic: "NEW YORK, Feb 26 -"
        p = random.choice(CAPS)
        add(f"{p}, {month()} {day()} -", p)
    for _ in range(60):  # mixed case
        p = random.choice(MIXED)
        add(f"{p}, {month()} {day()}{random.choice(DASHES)}", p)
    for _ in range(60):  # no space before the dash
        p = random.choice(CAPS + MIXED)
        add(f"{p}, {month()} {day()}-", p)
    for _ in range(60):  # a space before the comma
        p = random.choice(CAPS + MIXED)
        add(f"{p} , {month()} {day()}{random.choice(DASHES)}", p)
    for _ in range(60):  # day before month
        p = random.choice(CAPS + MIXED)
        add(f"{p}, {day()} {month()}{random.choice(DASHES)}", p)
    for _ in range(60):  # lower-case month
        p = random.choice(CAPS + MIXED)
        add(f"{p}, {month().lower()} {day()}{random.choice(DASHES)}", p)
    for _ in range(40):  # region, then date
        p = random.choice(CAPS + MIXED)
        add(f"{p}, {random.choice(REGIONS)}, {month()} {day()}{random.choice(DASHES)}", p)
    for _ in range(40):  # agency
        p = random.choice(CAPS + MIXED)
        add(f"{p} ({random.choice(AGENCIES)}){random.choice(DASHES)}", p)
    for _ in range(30):  # date, year and agency
        p = random.choice(CAPS + MIXED)
        add(f"{p}, {random.choice(MONTHS)} {day()}, {random.randint(1980, 2024)} ({random.choice(AGENCIES)})"
            f"{random.choice(DASHES)}", p)
    for _ in range(30):  # colon
        p = random.choice(CAPS)
        add(f"{p}:", p)
    for _ in range(30):  # all together: mixed case, space before comma, day first, lower case, no space
        p = random.choice(MIXED)
        add(f"{p} , {day()} {random.choice(MONTHS).lower()}-", p)
    negatives = [
        "The Trump administration seeks support.", "US-EU talks - stalled again.", "UPDATE: the vote was delayed.",
        "A ceasefire \u2014 the first \u2014 held.", "On Monday, March 3 - the day of the vote - markets fell.",
        "Shr 1.12 dlrs vs 1.05 dlrs", "Meanwhile - and this matters - prices rose.",
        "In March 3 - 4 per cent of voters said so.", "Qtr ended Feb 28 - net 2.1 mln dlrs vs 1.9 mln",
        "Today, March 2 - a date to remember.", "Oper shr loss two cts vs profit four cts",
        "Last year, March 3 - 5 were the busiest days.", "The company said - without giving details - that",
        "ANALYSIS: what the vote means.", "Yesterday - a quiet day - trading was thin.",
        "Revs 12.4 mln vs 11.2 mln", "Note: figures in millions.", "Avg shrs 3,456,000 vs 3,123,000",
        "It said in a statement, March 3 - the first of its kind - that", "By Monday, Feb 26 - the deadline -",
    ]
    for body in negatives:
        out.append((body, "", ""))
    return out


with open("datelines.tsv", "w", encoding="utf-8") as f:
    for body, place, prefix in rows():
        f.write(f"{body}\t{place}\t{prefix}\n")
