#!/usr/bin/env bash
# Issue 11 item 12: peak memory and time of one long line with findings, and of plain text
# of growing size, for two builds side by side (default: main's release build and this one's).
#
#   benches/long-lines.sh [OLD_BINARY] [NEW_BINARY]
#
# A line is "Wat een kutschool, bel 06-12345678. " repeated to the size (a finding every 18
# bytes); the plain text comes from the corpus generator. Each run gets LIMIT_SECONDS (default
# 300) and LIMIT_MB of memory (default 8000, via ulimit -v); a run past either is reported as such.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:-/work/main/target/release/postwacht}
new=${2:-target/release/postwacht}
dir=${BENCH_DIR:-target/bench-long-lines}
limit_seconds=${LIMIT_SECONDS:-300}
limit_mb=${LIMIT_MB:-8000}
mkdir -p "$dir"

line() { # size in bytes -> file
  local size=$1 out="$dir/line-$1.txt"
  [ -f "$out" ] || python3 -c "
import sys
unit = 'Wat een kutschool, bel 06-12345678. '
n = int(sys.argv[1])
sys.stdout.write((unit * (n // len(unit) + 1))[:n] + '\n')" "$size" > "$out"
  echo "$out"
}
text() { # size like 16MB -> file
  local out="$dir/text-$1.txt"
  [ -f "$out" ] || cargo run -q --release --example corpus -- --kind text --size "$1" --seed 1 --out "$out" >/dev/null
  echo "$out"
}
measure() { # binary file -> "seconds, peak MB, findings"
  local bin=$1 file=$2 log="$dir/time.log" out="$dir/out.jsonl" status=0
  ( ulimit -v $((limit_mb * 1024)); exec timeout "$limit_seconds" /usr/bin/time -f '%e %M' -o "$log" \
      "$bin" scan --no-config --quiet --format jsonl "$file" ) > "$out" 2>/dev/null || status=$?
  # postwacht exits 1 when it found something; anything else is a run that was stopped.
  if [ "$status" -le 1 ] && tail -1 "$log" | grep -Eq '^[0-9.]+ [0-9]+$'; then
    read -r seconds kb < <(tail -1 "$log")
    echo "$seconds, $((kb / 1024)), $(wc -l < "$out")"
  else
    echo "stopped (status $status: over ${limit_seconds} s or ${limit_mb} MB)"
  fi
}
printf '| input | old: s, peak MB, findings | new: s, peak MB, findings |\n|---|---|---|\n'
for size in 50000 100000 200000 400000 2000000 10000000 50000000; do
  f=$(line $size)
  printf '| one line of %s bytes | %s | %s |\n' "$size" "$(measure "$old" "$f")" "$(measure "$new" "$f")"
done
for size in 1MB 16MB 32MB 100MB; do
  f=$(text $size)
  printf '| plain text %s | %s | %s |\n' "$size" "$(measure "$old" "$f")" "$(measure "$new" "$f")"
done
