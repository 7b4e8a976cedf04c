#!/usr/bin/env bash
# Renders the plan document of a clinic with 1,000 devices to PDF with medbcp,
# RUNS times, and reports the median wall time and the peak resident memory;
# in the same run, the tools a clinic would otherwise use on the same plan:
# LibreOffice converting medbcp's own DOCX to PDF, WeasyPrint converting its
# HTML to PDF.
#
#   bench/render_bench.sh [path/to/medbcp]      (default: build/medbcp)
#   RUNS=5 bench/render_bench.sh
#
# The plan is the demo clinic (`medbcp init --demo`) whose device ledger is
# filled up to 1,000 devices through `medbcp devices import`, the way a
# clinic would load it from Excel. Needs python3 (to write the CSV), GNU
# time; soffice and weasyprint are optional (scripts/install-deps --bench).
set -euo pipefail

medbcp=$(realpath "${1:-build/medbcp}")
runs=${RUNS:-5}
devices=${DEVICES:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/bench.db"

"$medbcp" --db "$db" init --demo >/dev/null
"$medbcp" --db "$db" devices export --format csv --out "$work/demo.csv" >/dev/null

# The demo's own rows, then varied rows up to $devices: unique numbers,
# names, addresses; the repeated words (種別, 設置場所, 保守業者…) a real
# ledger repeats.
python3 - "$work/demo.csv" "$work/devices.csv" "$devices" <<'PY'
import csv, io, random, sys
src, out, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src, encoding="utf-8-sig").read()
rows = list(csv.reader(io.StringIO(text)))
header, demo = rows[0], rows[1:]
rng = random.Random(1000)
places = ["受付", "診察室1", "診察室2", "診察室3", "処置室", "検査室", "X線撮影室", "事務室", "サーバ室",
          "院長室", "待合室", "リハビリ室", "薬局", "倉庫"]
col = {h: i for i, h in enumerate(header)}
result = list(demo)
for i in range(total - len(demo)):
    r = list(rng.choice(demo))
    n = i + 1
    r[col["管理番号"]] = f"BN-{n:04d}"
    r[col["機器名"]] = f"{r[col['機器名']]} {n}号機"
    r[col["設置場所"]] = rng.choice(places)
    if r[col["IPアドレス"]]:
        r[col["IPアドレス"]] = f"10.{n // 250 % 256}.{n % 250 + 1}.{rng.randint(2, 254)}"
    if col.get("MACアドレス") is not None:
        r[col["MACアドレス"]] = "02:00:%02X:%02X:%02X:%02X" % (n >> 16 & 255, n >> 8 & 255, n & 255, rng.randint(0, 255))
    if rng.random() < 0.3:
        r[col["備考"]] = rng.choice(["保守契約は年度更新", "夜間は電源オフ", "更新予定（来年度）", "予備機と入替済"])
    result.append(r)
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
w.writerow(header)
w.writerows(result)
open(out, "w", encoding="utf-8").write(buf.getvalue())
PY
"$medbcp" --db "$db" devices import "$work/devices.csv" >/dev/null
count=$("$medbcp" --db "$db" devices export --format csv --out - |
  python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(sys.stdin)) - 1)')
echo "plan: demo clinic with $count devices; $runs runs each"

# measure NAME COMMAND...: prints the median wall time, the median CPU time
# (user + system, steadier on a shared machine) and the peak RSS of $runs runs.
measure() {
  local name=$1
  shift
  local walls=() cpus=() peak=0
  for ((i = 0; i < runs; i++)); do
    # time's own report goes to a file: the command's output is discarded.
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" >/dev/null 2>&1
    read -r wall user sys kb <"$work/time.out"
    walls+=("$wall")
    cpus+=("$(echo "$user + $sys" | bc -l)")
    ((kb > peak)) && peak=$kb
  done
  local wall_median cpu_median
  wall_median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-28s median %7.3f s wall, %7.3f s CPU; peak RSS %6.1f MB\n' "$name" "$wall_median" \
    "$cpu_median" "$(echo "$peak / 1024" | bc -l)"
  echo "$wall_median" >"$work/$name.median"
}

measure "medbcp render --format pdf" "$medbcp" --db "$db" render --format pdf --out "$work/plan.pdf"
pages=$(pdfinfo "$work/plan.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "  ($pages pages)"
"$medbcp" --db "$db" render --format docx --out "$work/plan.docx" >/dev/null
"$medbcp" --db "$db" render --format html --out "$work/plan.html" >/dev/null

if command -v soffice >/dev/null; then
  # Its own profile, so it runs beside an open office and as root.
  printf '#!/bin/sh\nHOME="%s" exec soffice -env:UserInstallation="file://%s" --headless --norestore --convert-to pdf --outdir "%s" "%s"\n' \
    "$work/lo-home" "$work/lo-profile" "$work/lo" "$work/plan.docx" >"$work/lo.sh"
  chmod +x "$work/lo.sh"
  mkdir -p "$work/lo-home"
  "$work/lo.sh" >/dev/null 2>&1 || true  # the first start creates the profile; not timed
  measure "libreoffice docx -> pdf" "$work/lo.sh"
  ratio=$(echo "$(cat "$work/libreoffice docx -> pdf.median") / $(cat "$work/medbcp render --format pdf.median")" | bc -l)
  printf '  medbcp is %.0fx faster than LibreOffice\n' "$ratio"
else
  echo "libreoffice: not installed, skipped"
fi

if command -v weasyprint >/dev/null; then
  measure "weasyprint html -> pdf" weasyprint "$work/plan.html" "$work/weasy.pdf"
  ratio=$(echo "$(cat "$work/weasyprint html -> pdf.median") / $(cat "$work/medbcp render --format pdf.median")" | bc -l)
  printf '  medbcp is %.0fx faster than WeasyPrint\n' "$ratio"
else
  echo "weasyprint: not installed, skipped"
fi
