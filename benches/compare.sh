#!/usr/bin/env bash
# postwacht against the targets of issue 6, measured on generated Dutch school text
# (examples/corpus.rs) with a generated roster. Prints Markdown tables for BENCHMARKS.md.
#
#   benches/compare.sh [MODE] [OPTIONS]
#
# Modes:
#   throughput  (default) postwacht vs ripgrep, single thread, on one plain-text corpus:
#               rg -j1 -i -F -o -n -f terms.txt corpus.txt
#               postwacht scan --threads 1 --format jsonl --roster roster.csv corpus.txt
#               terms.txt holds the literal words postwacht's automaton searches for
#               (examples/terms.rs). Median wall time, MB/s each, and postwacht / ripgrep.
#   startup     one short draft end to end (fixtures/example/concept.txt), with and without the
#               roster: median wall time of the whole program.
#   threads     --threads 1 vs 2 on a folder of Markdown posts and on one JSON Lines export, and
#               whether the output is the same at both.
#   memory      peak RSS scanning one big JSON Lines export (--export-size, e.g. 1GB).
#   all         every mode above.
#
# Options:
#   --size SIZE         plain-text corpus for throughput (default 20MB)
#   --jsonl-size SIZE   export for threads (default 20MB)
#   --export-size SIZE  export for memory (default 100MB; the issue's target is 1GB)
#   --files N           Markdown posts for threads (default 2000)
#   --pupils N          roster size (default 2000)
#   --reps N            repetitions, the median is reported (default 5; startup uses 4x)
#
# Sizes are those of the generator: KB, MB, GB are powers of 1000. ripgrep: the one on PATH; else
# Debian's package (apt-get, when root); else `cargo install ripgrep --locked` into target/tools.
# Generated inputs are kept in target/bench-compare/seed-$SEED/ and reused (BENCH_DIR moves the
# folder; SEED, default 1, picks another corpus).

source "$(dirname "$0")/lib.sh"

MODE=throughput
SIZE=20MB
JSONL_SIZE=20MB
EXPORT_SIZE=100MB
FILES=2000
PUPILS=2000
REPS=5
while [ $# -gt 0 ]; do
  case "$1" in
    throughput | startup | threads | memory | all) MODE=$1 ;;
    --size) SIZE=$2; shift ;;
    --jsonl-size) JSONL_SIZE=$2; shift ;;
    --export-size) EXPORT_SIZE=$2; shift ;;
    --files) FILES=$2; shift ;;
    --pupils) PUPILS=$2; shift ;;
    --reps) REPS=$2; shift ;;
    -h | --help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# Sets RG to a ripgrep binary, installing one if needed, and says which.
find_ripgrep() {
  if command -v rg >/dev/null 2>&1; then
    RG=$(command -v rg)
    echo "ripgrep: $RG (found on PATH)" >&2
  elif [ -x "$ROOT/target/tools/bin/rg" ]; then
    RG="$ROOT/target/tools/bin/rg"
    echo "ripgrep: $RG (installed earlier with cargo)" >&2
  elif [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 &&
    { apt-get install -y -qq ripgrep >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq ripgrep >/dev/null 2>&1; }; }; then
    RG=$(command -v rg)
    echo "ripgrep: $RG (installed with apt-get)" >&2
  else
    echo "ripgrep: installing with cargo into target/tools (a few minutes)..." >&2
    cargo install ripgrep --locked --quiet --root "$ROOT/target/tools"
    RG="$ROOT/target/tools/bin/rg"
  fi
  echo "ripgrep version: $("$RG" --version | sed -n 1p)"
}

throughput() {
  find_ripgrep
  local roster corpus terms bytes
  roster=$(roster "$PUPILS")
  corpus="$GENERATED/text-$SIZE-p$PUPILS.txt"
  generate text "$corpus" --size "$SIZE" --pupils "$PUPILS"
  terms="$GENERATED/terms-p$PUPILS.txt"
  "$TERMS" "$roster" >"$terms"
  bytes=$(bytes "$corpus")
  echo
  echo "### Throughput, single thread: $SIZE plain text ($bytes bytes), $PUPILS-pupil roster, $(wc -l <"$terms") literal terms, median of $REPS"
  echo
  read -r rg_s rg_kb rg_cpu < <(measure "$REPS" "$RG" -j1 -i -F -o -n -f "$terms" "$corpus")
  local rg_lines
  rg_lines=$(wc -l <"$WORK/out")
  read -r pw_s pw_kb pw_cpu < <(measure "$REPS" "$POSTWACHT" scan --threads 1 --format jsonl --roster "$roster" "$corpus")
  local pw_lines
  pw_lines=$(wc -l <"$WORK/out")
  echo "| program | wall time | MB/s | CPU time | peak RSS (MiB) | output lines |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| ripgrep \`-j1 -i -F -o -n -f terms.txt\` | $(ms "$rg_s") ms | $(mbps "$bytes" "$rg_s") | $(ms "$rg_cpu") ms | $(mib "$rg_kb") | $rg_lines |"
  echo "| postwacht \`--threads 1 --format jsonl\` | $(ms "$pw_s") ms | $(mbps "$bytes" "$pw_s") | $(ms "$pw_cpu") ms | $(mib "$pw_kb") | $pw_lines |"
  echo
  echo "postwacht / ripgrep throughput: $(ratio "$rg_s" "$pw_s") by wall time$([ "$pw_cpu" = n/a ] || echo ", $(ratio "$rg_cpu" "$pw_cpu") by CPU time") (target: at least 0.5)"
  echo "(ripgrep's cost is mostly up front, so a small corpus flatters postwacht: use 20MB or more)"
}

startup() {
  local roster draft reps=$((REPS * 4))
  roster=$(roster "$PUPILS")
  draft="$ROOT/fixtures/example/concept.txt"
  echo
  echo "### Start-up: one short draft ($(bytes "$draft") bytes) end to end, median of $reps"
  echo
  echo "| roster | wall time | CPU time | peak RSS (MiB) |"
  echo "|---|---:|---:|---:|"
  read -r s kb cpu < <(measure "$reps" "$POSTWACHT" scan --format jsonl "$draft")
  echo "| none | $(ms "$s") ms | $(ms "$cpu") ms | $(mib "$kb") |"
  read -r s kb cpu < <(measure "$reps" "$POSTWACHT" scan --format jsonl --roster "$roster" "$draft")
  echo "| $PUPILS pupils | $(ms "$s") ms | $(ms "$cpu") ms | $(mib "$kb") |"
  echo
  echo "target: under 30 ms with $PUPILS pupils (building the matcher alone: \`cargo bench --features bench --bench scan\`)"
}

# scale_threads NAME PATH ROSTER: one table row, 1 vs 2 threads, and whether the output matches.
scale_threads() {
  local name=$1 path=$2 roster=$3 bytes
  bytes=$(bytes "$path")
  read -r one _ < <(measure "$REPS" "$POSTWACHT" scan --threads 1 --format jsonl --roster "$roster" "$path")
  cp "$WORK/out" "$WORK/out.1"
  read -r two _ < <(measure "$REPS" "$POSTWACHT" scan --threads 2 --format jsonl --roster "$roster" "$path")
  local same=no
  cmp -s "$WORK/out" "$WORK/out.1" && same=yes
  echo "| $name ($bytes bytes) | $(ms "$one") ms, $(mbps "$bytes" "$one") MB/s | $(ms "$two") ms, $(mbps "$bytes" "$two") MB/s | $(ratio "$one" "$two") | $same |"
}

threads() {
  local roster folder export
  roster=$(roster "$PUPILS")
  folder="$GENERATED/markdown-$FILES-p$PUPILS"
  generate markdown-folder "$folder" --files "$FILES" --pupils "$PUPILS"
  export="$GENERATED/export-$JSONL_SIZE-p$PUPILS.jsonl"
  generate jsonl "$export" --size "$JSONL_SIZE" --pupils "$PUPILS"
  echo
  echo "### Threads: 1 vs 2, $PUPILS-pupil roster, median of $REPS"
  echo
  echo "| input | 1 thread | 2 threads | speed-up | same output |"
  echo "|---|---:|---:|---:|---|"
  scale_threads "$FILES Markdown posts" "$folder" "$roster"
  scale_threads "JSON Lines export, $JSONL_SIZE" "$export" "$roster"
  echo
  echo "target: speed-up at least 1.8 on both, same output"
}

memory() {
  local roster export bytes
  roster=$(roster "$PUPILS")
  export="$GENERATED/export-$EXPORT_SIZE-p$PUPILS.jsonl"
  echo "generating a $EXPORT_SIZE export (once)..." >&2
  generate jsonl "$export" --size "$EXPORT_SIZE" --pupils "$PUPILS"
  bytes=$(bytes "$export")
  echo
  echo "### Memory: one JSON Lines export of $EXPORT_SIZE ($bytes bytes), $PUPILS-pupil roster, one run"
  echo
  echo "| threads | wall time | MB/s | peak RSS (MiB) |"
  echo "|---|---:|---:|---:|"
  for t in 1 2; do
    read -r s kb _ < <(OUT=/dev/null measure 1 "$POSTWACHT" scan --threads "$t" --format jsonl --roster "$roster" "$export")
    echo "| $t | $(ms "$s") ms | $(mbps "$bytes" "$s") | $(mib "$kb") |"
  done
  echo
  echo "target (1 GB export): peak RSS under 64 MiB"
}

build
find_time
machine
case "$MODE" in
  throughput) throughput ;;
  startup) startup ;;
  threads) threads ;;
  memory) memory ;;
  all) startup; throughput; threads; memory ;;
esac
