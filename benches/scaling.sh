#!/usr/bin/env bash
# How postwacht's time and memory grow: with input size (plain text and a JSON Lines export), and
# with roster size. Prints Markdown tables for BENCHMARKS.md. Single thread throughout.
#
#   benches/scaling.sh [OPTIONS]
#
#   --sizes "1MB 2MB ..."        plain-text sizes (default "1MB 2MB 4MB 8MB 16MB")
#   --export-sizes "4MB ..."     JSON Lines export sizes (default "4MB 8MB 16MB 32MB")
#   --rosters "0 500 ..."        roster sizes (default "0 500 2000 8000")
#   --terms "0 5000 ..."         extra wordlist terms (default "0 5000 20000 80000")
#   --text-size SIZE             plain text scanned at each roster and wordlist size (default 2MB)
#   --reps N                     repetitions, the median is reported (default 3)
#
# Linear growth shows as a steady "µs per KB" column down a table. The embedded wordlists are
# fixed; wordlist size is varied by adding made-up terms as a school does, in postwacht.toml
# (`[[terms.extra]]`), which go into the same word index.

source "$(dirname "$0")/lib.sh"

SIZES="1MB 2MB 4MB 8MB 16MB"
EXPORT_SIZES="4MB 8MB 16MB 32MB"
ROSTERS="0 500 2000 8000"
TERMS_EXTRA="0 5000 20000 80000"
TEXT_SIZE=2MB
REPS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift ;;
    --export-sizes) EXPORT_SIZES=$2; shift ;;
    --rosters) ROSTERS=$2; shift ;;
    --terms) TERMS_EXTRA=$2; shift ;;
    --text-size) TEXT_SIZE=$2; shift ;;
    --reps) REPS=$2; shift ;;
    -h | --help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# us_per_kb BYTES SECONDS: microseconds per kilobyte (steady when growth is linear).
us_per_kb() { awk -v b="$1" -v s="$2" 'BEGIN {printf "%.1f", s * 1e6 / (b / 1000)}'; }

# size_table KIND EXT SIZES: one row per size, scanning with the 2,000-pupil roster.
size_table() {
  local kind=$1 ext=$2 sizes=$3 roster path bytes
  roster=$(roster 2000)
  echo "| size | bytes | wall time | MB/s | µs per KB | peak RSS (MiB) |"
  echo "|---|---:|---:|---:|---:|---:|"
  for size in $sizes; do
    path="$GENERATED/$kind-$size-p2000.$ext"
    generate "$kind" "$path" --size "$size" --pupils 2000
    bytes=$(bytes "$path")
    read -r s kb _ < <(OUT=/dev/null measure "$REPS" "$POSTWACHT" scan --threads 1 --format jsonl --roster "$roster" "$path")
    echo "| $size | $bytes | $(ms "$s") ms | $(mbps "$bytes" "$s") | $(us_per_kb "$bytes" "$s") | $(mib "$kb") |"
  done
}

roster_table() {
  local draft="$ROOT/fixtures/example/concept.txt" text="$GENERATED/text-$TEXT_SIZE-p2000.txt" bytes args
  generate text "$text" --size "$TEXT_SIZE" --pupils 2000
  bytes=$(bytes "$text")
  echo "| pupils | literal terms | draft end to end | $TEXT_SIZE text | MB/s | peak RSS (MiB) |"
  echo "|---:|---:|---:|---:|---:|---:|"
  for pupils in $ROSTERS; do
    args=()
    [ "$pupils" -gt 0 ] && args=(--roster "$(roster "$pupils")")
    read -r d _ < <(OUT=/dev/null measure $((REPS * 3)) "$POSTWACHT" scan --format jsonl "${args[@]}" "$draft")
    read -r s kb _ < <(OUT=/dev/null measure "$REPS" "$POSTWACHT" scan --threads 1 --format jsonl "${args[@]}" "$text")
    local terms
    terms=$("$TERMS" ${args[1]:+"${args[1]}"} | wc -l)
    echo "| $pupils | $terms | $(ms "$d") ms | $(ms "$s") ms | $(mbps "$bytes" "$s") | $(mib "$kb") |"
  done
}

# extra_terms_config N PATH: a postwacht.toml with N made-up insult terms (two-word phrases every
# fifth term, compound heads every seventh), deterministic.
extra_terms_config() {
  awk -v n="$1" 'BEGIN {
    split("ba ko ri mu se ta lo ne pi du ga ve", syl, " ")
    for (i = 0; i < n; i++) {
      x = i; w = ""
      for (k = 0; k < 4; k++) { w = w syl[x % 12 + 1]; x = int(x / 12) }
      w = w "zq" i % 97
      if (i % 5 == 0) w = w " " syl[i % 12 + 1] "x"
      else if (i % 7 == 0) w = w "*"
      printf "[[terms.extra]]\nterm = \"%s\"\ncategory = \"insult\"\n\n", w
    }
  }' > "$2"
}

terms_table() {
  local draft="$ROOT/fixtures/example/concept.txt" text="$GENERATED/text-$TEXT_SIZE-p2000.txt" bytes config roster
  generate text "$text" --size "$TEXT_SIZE" --pupils 2000
  bytes=$(bytes "$text")
  roster=$(roster 2000)
  echo "| extra terms | draft end to end | $TEXT_SIZE text | MB/s | peak RSS (MiB) |"
  echo "|---:|---:|---:|---:|---:|"
  for n in $TERMS_EXTRA; do
    config="$GENERATED/extra-terms-$n.toml"
    extra_terms_config "$n" "$config"
    read -r d _ < <(OUT=/dev/null measure $((REPS * 3)) "$POSTWACHT" scan --config "$config" --format jsonl --roster "$roster" "$draft")
    read -r s kb _ < <(OUT=/dev/null measure "$REPS" "$POSTWACHT" scan --config "$config" --threads 1 --format jsonl --roster "$roster" "$text")
    echo "| $n | $(ms "$d") ms | $(ms "$s") ms | $(mbps "$bytes" "$s") | $(mib "$kb") |"
  done
}

build
find_time
machine
echo
echo "### Plain text size, 2,000-pupil roster, median of $REPS"
echo
size_table text txt "$SIZES"
echo
echo "### JSON Lines export size, 2,000-pupil roster, median of $REPS"
echo
size_table jsonl jsonl "$EXPORT_SIZES"
echo
echo "### Roster size (draft: median of $((REPS * 3)); text: median of $REPS)"
echo
roster_table
echo
echo "### Wordlist size: extra terms in postwacht.toml, 2,000-pupil roster (draft: median of $((REPS * 3)); text: median of $REPS)"
echo
terms_table
