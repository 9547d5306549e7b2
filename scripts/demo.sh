#!/usr/bin/env bash
# Install everything, then run Himpun's main job on the sample corpus:
# ingest corpus/, search it, cross-reference its regions, write the rulebook
# (Markdown, HTML, PDF in .demo-output/), and show what the library holds.
# The demo library lives in .demo-library/ (or $HIMPUN_LIBRARY).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export HIMPUN_LIBRARY=${HIMPUN_LIBRARY:-$PWD/.demo-library}
himpun=.venv/bin/himpun

echo "== himpun ingest corpus/"
"$himpun" ingest corpus/ || true   # exit 1 only means some file failed; the report says which
echo
echo "== himpun search \"media sosial\""
"$himpun" search "media sosial" --limit 5
echo
echo "== himpun search baliho --severity berat"
"$himpun" search baliho --severity berat --limit 3
echo
echo "== himpun xref --region Sidrap   (the heaviest sanction per prohibition, with its source)"
"$himpun" xref --region Sidrap
echo
echo "== himpun xref --divergent"
"$himpun" xref --divergent
echo
echo "== himpun xref --gaps Sidrap"
"$himpun" xref --gaps Sidrap
echo
echo "== himpun xref --citations"
"$himpun" xref --citations
echo
out=${HIMPUN_DEMO_OUT:-$PWD/.demo-output}
mkdir -p "$out"
echo "== himpun rulebook -o $out/buku-aturan.{md,html,pdf}"
for fmt in md html pdf; do
    "$himpun" rulebook -o "$out/buku-aturan.$fmt"
done
echo
echo "== himpun stats"
"$himpun" stats
