# Shared by benches/compare.sh and benches/scaling.sh (sourced, not run): building the release
# binaries, generating corpora once, and measuring a command's median wall time and peak RSS.

set -euo pipefail
export LC_NUMERIC=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Generated corpora and scratch files; under target/, so git ignores them.
WORK="${BENCH_DIR:-$ROOT/target/bench-compare}"
POSTWACHT="$ROOT/target/release/postwacht"
CORPUS="$ROOT/target/release/examples/corpus"
TERMS="$ROOT/target/release/examples/terms"
SEED="${SEED:-1}"
# Generated inputs, a folder per seed (a file's name gives its kind and size, not its seed).
GENERATED="$WORK/seed-$SEED"
mkdir -p "$WORK" "$GENERATED"

# Build postwacht and the generator in release mode.
build() {
  echo "building postwacht and the corpus generator (release)..." >&2
  (cd "$ROOT" && cargo build --release --quiet --bin postwacht --example corpus --example terms)
}

# Peak RSS needs GNU time (Debian package "time"); without it RSS is reported as n/a.
TIME_BIN=""
find_time() {
  if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
    TIME_BIN=/usr/bin/time
  elif [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing GNU time with apt-get (for peak RSS)..." >&2
    apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; } || true
    [ -x /usr/bin/time ] && TIME_BIN=/usr/bin/time
  fi
  [ -n "$TIME_BIN" ] || echo "note: GNU time not found; peak RSS is reported as n/a" >&2
}

# generate KIND OUT [ARGS...]: write a corpus with the generator unless OUT is already there and
# newer than the generator (which is deterministic: the same name means the same bytes).
generate() {
  local kind=$1 out=$2
  shift 2
  if [ ! "$out" -nt "$CORPUS" ]; then
    rm -rf "$out" "$out.partial"
    "$CORPUS" --kind "$kind" --seed "$SEED" --out "$out.partial" "$@"
    mv "$out.partial" "$out"
  fi
}

# roster N: path of the generated roster of N pupils.
roster() {
  local out="$GENERATED/roster-$1.csv"
  generate roster "$out" --pupils "$1"
  echo "$out"
}

# bytes PATH: size of a file, or of all files in a folder.
bytes() {
  if [ -d "$1" ]; then find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'; else stat -c %s "$1"; fi
}

# measure REPS COMMAND...: run COMMAND REPS times with stdout to $OUT (default $WORK/out, a
# file, so that the output can be compared and no program can tell it goes nowhere) and print
# "SECONDS RSS_KB CPU_SECONDS": the median wall time, the largest peak RSS and the median CPU time
# (user + system; steadier than wall time on a busy machine). An exit status of 2 or more is a
# failure.
measure() {
  local reps=$1
  shift
  local times=() cpus=() lines=() rss=0 i start end status kb user system out="${OUT:-$WORK/out}"
  for ((i = 0; i < reps; i++)); do
    # Bash's own clock: reading it forks nothing (two `date` processes per run cost more
    # than a draft's whole scan). LC_NUMERIC=C (below) keeps its decimal point a point.
    start=$EPOCHREALTIME
    status=0
    if [ -n "$TIME_BIN" ]; then
      "$TIME_BIN" -f '%M %U %S' -o "$WORK/rss" "$@" >"$out" 2>"$WORK/err" || status=$?
    else
      "$@" >"$out" 2>"$WORK/err" || status=$?
    fi
    end=$EPOCHREALTIME
    if [ "$status" -ge 2 ]; then
      echo "failed (status $status): $*" >&2
      cat "$WORK/err" >&2
      exit 1
    fi
    # Microseconds (the clock always has six decimals); seconds are worked out once below, so
    # that a run costs no extra process.
    times+=($((${end/./} - ${start/./})))
    if [ -n "$TIME_BIN" ]; then
      # GNU time's line is the last: a status other than 0 gets a line of its own before it.
      mapfile -t lines <"$WORK/rss"
      read -r kb user system <<<"${lines[-1]}"
      [ "$kb" -gt "$rss" ] && rss=$kb
      cpus+=("$user $system")
    fi
  done
  local seconds
  seconds=$(printf '%s\n' "${times[@]}" | awk '{printf "%.4f\n", $1 / 1e6}')
  if [ -n "$TIME_BIN" ]; then
    local cpu_seconds
    cpu_seconds=$(printf '%s\n' "${cpus[@]}" | awk '{printf "%.4f\n", $1 + $2}')
    # (Word splitting is wanted here: one argument per run.)
    # shellcheck disable=SC2086
    echo "$(median $seconds) $rss $(median $cpu_seconds)"
  else
    # shellcheck disable=SC2086
    echo "$(median $seconds) n/a n/a"
  fi
}

# median NUMBERS...
median() {
  printf '%s\n' "$@" | sort -g | awk '{t[NR] = $1} END {print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2}'
}

# Formatting helpers: megabytes per second, milliseconds, mebibytes, a ratio.
mbps() { awk -v b="$1" -v s="$2" 'BEGIN {printf "%.2f", b / 1e6 / s}'; }
ms() { if [ "$1" = n/a ]; then echo n/a; else awk -v s="$1" 'BEGIN {printf "%.1f", s * 1000}'; fi; }
mib() { if [ "$1" = n/a ]; then echo n/a; else awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# The machine, for the record.
machine() {
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && git diff --quiet 2>/dev/null || echo ' (with local changes)')"
}
