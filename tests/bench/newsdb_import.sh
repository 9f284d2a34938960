#!/usr/bin/env bash
# Measures `gloss import` of one news-database export of many articles (issue 16: a 500-article
# Nexis Uni export in under 5 s, Release): a Nexis Uni-style text export (cover page, table of
# contents, "End of Document" after each article) of COUNT invented articles: FORMAT txt (the
# default) hard-wraps their paragraphs at 70 columns as the text exports do; docx writes a Word file
# of one paragraph per line or paragraph, as Nexis Uni's DOCX download is.
# Usage: tests/bench/newsdb_import.sh [GLOSS_BINARY] [COUNT] [txt|docx]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
gloss="${1:-$here/../../build/release/app/gloss}"
count="${2:-500}"
format="${3:-txt}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/export.$format" "$count" "$format" "$here/../data/documents" <<'PY'
import random, sys, textwrap
path, n, fmt = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.path.insert(0, sys.argv[4])
random.seed(16)
words = ("council harbour strike union minister vote budget grain exports talks officials said on Tuesday "
         "the and of to in a for that with Paul Volcker Clayton Yeutter Securities and Exchange Commission").split()
out = [f"Date and Time: Monday, March 9, 2020 10:04:00 AM EDT", "Job Number: 1", f"Documents ({n})"]
for i in range(n):
    out += [f"{i + 1}. Story {i + 1} about the harbour", "Client/Matter: -None-", "Search Terms: harbour",
            "Search Type: Terms and Connectors", "Narrowed by: ", "Content Type Narrowed by"]
for i in range(n):
    out += [f"Story {i + 1} about the harbour", "The Harbour Gazette", f"March {1 + i % 28}, 2020 Thursday",
            "Copyright 2020 The Harbour Gazette Company", "", "Section: NEWS; Pg. 3", "Length: 600 words",
            "Byline: Marta Okonkwo", "", "Body", ""]
    for p in range(8):
        para = " ".join(random.choice(words) for _ in range(75)) + "."
        out += (textwrap.wrap(para, 70) if fmt == "txt" else [para]) + [""]
    out += ["Classification", "", "Language: ENGLISH", "", "Load-Date: March 10, 2020", "", "End of Document"]
if fmt == "docx":
    import make_documents
    make_documents.docx(path, "".join(make_documents.w_par(line) for line in out if line),
                        title="Files (%d)" % n, author="Nexis Uni")
else:
    open(path, "w").write("\n".join(out) + "\n")
PY
bytes=$(stat -c %s "$work/export.$format")
start=$(date +%s.%N)
"$gloss" --project "$work/bench.gloss" import "$work/export.$format" >"$work/out.txt"
end=$(date +%s.%N)
cat "$work/out.txt"
awk -v f="$format" -v n="$count" -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN {
  printf "one " f " export of %d articles, %.1f MB, in %.2f s: %.0f articles/s\n", n, b / 1e6, e - s, n / (e - s)
}'
