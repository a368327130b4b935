#!/usr/bin/env bash
# The benchmark suite of ogi-lsp in one command (method and a recorded run: BENCHMARKS.md).
# Builds the release binary, writes the corpus (benches/corpus.rs), measures the whole `check`
# process on one core for every layout and corpus (with `rg` over the same bytes when installed),
# the server through its stdio (benches/server_stdio.rs) and the in-process criterion benches, and
# prints a Markdown report that it also writes to target/bench-results.md.
#
#   bash benches/run.sh           # 100 MB per compilation, 10,000 files per corpus, 5 runs each
#   bash benches/run.sh --quick   # 10 MB, 1,000 files, 3 runs, criterion in its quick mode
#
# Environment: OGI_BENCH_MB, OGI_BENCH_FILES, OGI_BENCH_RUNS override the sizes and runs;
# OGI_BENCH_EDITS and OGI_BENCH_SERVER_MB the server's edits per process (10) and document (10 MB);
# OGI_BENCH_CORPUS the corpus directory (target/bench-corpus); OGI_BENCH_RESULTS the report
# (target/bench-results.md); OGI_BENCH_CRITERION=0 skips the criterion benches; CARGO_TARGET_DIR
# is honoured as cargo honours it. Needs bash, cargo and awk; uses taskset, GNU time (/usr/bin/time)
# and rg when installed.
set -euo pipefail
# Decimal points in $EPOCHREALTIME and awk whatever the user's locale.
export LC_ALL=C

cd "$(dirname "$0")/.."

quick=0
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        -h | --help)
            awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
            exit 0
            ;;
        *)
            echo "run.sh: unknown argument $arg (try --help)" >&2
            exit 2
            ;;
    esac
done
if [ "$quick" = 1 ]; then
    mb=${OGI_BENCH_MB:-10} files=${OGI_BENCH_FILES:-1000} runs=${OGI_BENCH_RUNS:-3}
else
    mb=${OGI_BENCH_MB:-100} files=${OGI_BENCH_FILES:-10000} runs=${OGI_BENCH_RUNS:-5}
fi
corpus=${OGI_BENCH_CORPUS:-target/bench-corpus}
results=${OGI_BENCH_RESULTS:-target/bench-results.md}
bin=${CARGO_TARGET_DIR:-target}/release/ogi-lsp
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

say() { echo "run.sh: $*" >&2; }

# One core: the figures are per core, and `check` runs one rayon thread when it may use one CPU.
pin=()
if command -v taskset > /dev/null && taskset -c 0 true 2> /dev/null; then
    pin=(taskset -c 0)
fi
# Peak resident memory (kilobytes) and CPU seconds (user, system) of a process: GNU time, installed
# through apt when missing and possible, else Python's getrusage (which adds the interpreter's start
# to the timings). CPU time beside wall time shows how much of a run was spent waiting for the core
# on a busy machine.
if ! [ -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    say "installing GNU time (apt-get install time) to measure peak memory"
    apt-get install -y -qq time > /dev/null 2>&1 || true
fi
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2> /dev/null; then
    peak_tool="GNU time (\`/usr/bin/time -f '%M %U %S'\`)"
    peak() { /usr/bin/time -f '%M %U %S' -o "$scratch/peak" "$@"; }
elif command -v python3 > /dev/null; then
    peak_tool="Python's \`getrusage\` (timings include the interpreter's start)"
    peak() {
        python3 -c 'import resource, subprocess, sys
code = subprocess.run(sys.argv[2:]).returncode
r = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(f"{r.ru_maxrss} {r.ru_utime} {r.ru_stime}")
sys.exit(code)' "$scratch/peak" "$@"
    }
else
    peak_tool="none (neither GNU time nor Python found)"
    peak() {
        echo 0 0 0 > "$scratch/peak"
        "$@"
    }
fi

# ---- the machine --------------------------------------------------------------------------------
machine() {
    local cpu cores ram os
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2> /dev/null || true)
    cores=$(nproc 2> /dev/null || echo "?")
    ram=$(awk '/^MemTotal/ { printf "%.1f GB", $2 * 1024 / 1e9 }' /proc/meminfo 2> /dev/null || true)
    os=$(. /etc/os-release 2> /dev/null && echo "$PRETTY_NAME" || uname -s)
    echo "- CPU: ${cpu:-unknown}, $cores cores"
    echo "- Memory: ${ram:-unknown}"
    echo "- OS: $os, kernel $(uname -r)"
    echo "- Rust: $(rustc -V)"
    echo "- Load average at start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo unknown)"
    echo "- Pinning: ${pin[*]:-none (taskset not found)}; peak memory: $peak_tool"
    # sed reads all of rg's output: `head` would close the pipe early, and pipefail take rg's SIGPIPE
    # for a failure.
    if command -v rg > /dev/null; then
        echo "- ripgrep: $(rg --version | sed -n 1p)"
    else
        echo "- ripgrep: not installed"
    fi
}

# ---- building and the corpus --------------------------------------------------------------------
say "building the release binary"
cargo build --release --bin ogi-lsp >&2
say "writing the corpus to $corpus ($mb MB per compilation, $files files per corpus)"
OGI_BENCH_MB=$mb OGI_BENCH_FILES=$files cargo bench --bench corpus -- "$corpus" >&2

# ---- whole-process figures ----------------------------------------------------------------------
# "median min max" of the numbers on stdin.
stats() {
    sort -g | awk '{ v[NR] = $1 } END {
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        print m, v[1], v[NR]
    }'
}

# Runs "$@" once with stdout to $out; appends "seconds peak_kilobytes user system" to $scratch/times.
# `check` exits 1 when it found errors; 2 or more means it could not do its work.
out=/dev/null
timed() {
    local start end code=0
    start=$EPOCHREALTIME
    peak "$@" > "$out" 2> "$scratch/stderr" || code=$?
    end=$EPOCHREALTIME
    if [ "$code" -gt 1 ]; then
        say "$* exited $code:"
        cat "$scratch/stderr" >&2
        exit 1
    fi
    # GNU time writes "Command exited with non-zero status 1" before the figure when check found errors.
    echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }') $(tail -n 1 "$scratch/peak")" >> "$scratch/times"
}

# One warm-up run with its output kept (to count what it found), then $runs measured runs.
measure() {
    rm -f "$scratch/times"
    out=$scratch/output timed "$@"
    rm -f "$scratch/times"
    local i
    for ((i = 0; i < runs; i++)); do
        timed "$@"
    done
}

seconds() { awk '{ print $1 }' "$scratch/times" | stats; }
cpu_seconds() { awk '{ print $3 + $4 }' "$scratch/times" | stats; }
peak_mb() { awk '{ print $2 * 1024 / 1e6 }' "$scratch/times" | stats; }

batch_table() {
    echo "| input | MB | reports | findings (expected) | \`check --format json\` s, median (min–max) | MB/s (target ≥ 300) | CPU s (user + system) | peak resident MB (target ≤ 1.5 × input + 30) | \`rg -c 本年新收\` s, median (min–max) | rg MB/s | rg matching lines |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    local path copies bytes expected
    while read -r path copies bytes expected; do
        local layout=${path%%-*} kind=${path#*-}
        kind=${kind%%[./]*}
        local shape="one file"
        [ "${path: -1}" = / ] && shape="$copies files"
        local megabytes
        megabytes=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
        say "check: $path ($megabytes MB), $runs runs"
        measure "${pin[@]}" "$bin" check --format json "$corpus/$path"
        local found reports
        # Each diagnostic has one "code"; the summary closes the document and holds the last "reports".
        found=$(grep -o '"code": *"' "$scratch/output" | wc -l)
        reports=$(tail -c 400 "$scratch/output" | tr -d ' \n' | grep -o '"reports":[0-9]*' | tail -n 1 | grep -o '[0-9]*$')
        [ "$found" = "$expected" ] && found="$found ✓" || found="$found ≠ $expected ✗"
        local time_s mb_s cpu_s peak
        time_s=$(seconds | awk '{ printf "%.3f (%.3f–%.3f)", $1, $2, $3 }')
        mb_s=$(seconds | awk -v b="$bytes" '{ printf "%.0f", b / 1e6 / $1 }')
        cpu_s=$(cpu_seconds | awk '{ printf "%.2f (%.2f–%.2f)", $1, $2, $3 }')
        peak=$(peak_mb | awk -v b="$bytes" '{ printf "%.0f (%.0f–%.0f; ≤ %.0f)", $1, $2, $3, 1.5 * b / 1e6 + 30 }')

        local rg_s="—" rg_mb_s="—" rg_lines="—"
        if command -v rg > /dev/null; then
            # One thread on the same core, ignore files off: the same bytes `check` read.
            measure "${pin[@]}" rg -j1 --no-ignore -c 本年新收 "$corpus/$path"
            rg_lines=$(awk -F: '{ n += $NF } END { print n }' "$scratch/output")
            rg_s=$(seconds | awk '{ printf "%.3f (%.3f–%.3f)", $1, $2, $3 }')
            rg_mb_s=$(seconds | awk -v b="$bytes" '{ printf "%.0f", b / 1e6 / $1 }')
        fi
        local name
        name="$(echo "$layout" | tr l L) $kind, $shape"
        echo "| $name | $megabytes | $reports | $found | $time_s | $mb_s | $cpu_s | $peak | $rg_s | $rg_mb_s | $rg_lines |"
    done < <(grep -v '^ogi-lsp\|^#' "$corpus/MANIFEST")
}

# ---- criterion ----------------------------------------------------------------------------------
# Criterion's text output as table rows: name, estimate [95 % confidence interval], throughput.
criterion_rows() {
    awk '
        function flush() { if (row != "") print row (thrpt != "" ? " | " thrpt " |" : " | — |"); row = ""; thrpt = "" }
        # A comparison with an earlier run repeats time: and thrpt: under change:; it is not a figure.
        /change:/ { skip = 1; next }
        /time:/ && !skip {
            flush()
            head = substr($0, 1, index($0, "time:") - 1); gsub(/^ +| +$/, "", head)
            if (head != "") name = head
            match($0, /\[.*\]/); split(substr($0, RSTART + 1, RLENGTH - 2), v, " ")
            # The targets of issue 8 for the server'"'"'s work per edit.
            target = name ~ /^example report\/incremental/ ? "≤ 30 µs" : name ~ /compilation\/incremental/ ? "≤ 0.3 ms" : "—"
            row = "| " name " | " v[3] " " v[4] " [" v[1] " " v[2] " – " v[5] " " v[6] "] | " target
            next
        }
        /thrpt:/ && !skip { match($0, /\[.*\]/); split(substr($0, RSTART + 1, RLENGTH - 2), v, " "); thrpt = v[3] " " v[4]; next }
        /^[^ ]/ && !/^(Benchmarking|Found|Gnuplot|Warning|WARNING|Running|corpus)/ { flush(); name = $0; skip = 0 }
        END { flush() }
    '
}

criterion_table() {
    # No plots, and no baseline saved or compared: each run of the suite stands alone.
    local extra=(--noplot --discard-baseline)
    [ "$quick" = 1 ] && extra+=(--quick)
    echo "| bench | estimate [95 % confidence interval] | target | throughput |"
    echo "|---|---|---|---|"
    local bench
    for bench in server_edit check_throughput; do
        say "criterion: cargo bench --bench $bench"
        cargo bench --bench "$bench" -- "${extra[@]}" 2> "$scratch/criterion-err" | tee "$scratch/criterion" >&2 || {
            cat "$scratch/criterion-err" >&2
            exit 1
        }
        criterion_rows < "$scratch/criterion"
    done
}

# ---- the report ---------------------------------------------------------------------------------
started=$(date -u '+%Y-%m-%d %H:%M UTC')
commit=$(git rev-parse --short HEAD 2> /dev/null || echo unknown)
git diff --quiet HEAD 2> /dev/null || commit="$commit (with uncommitted changes)"
machine_lines=$(machine)
batch=$(batch_table)
say "server through stdio: cargo bench --bench server_stdio"
server=$(OGI_BENCH_RUNS=$runs OGI_BENCH_PIN=${pin:+0} OGI_LSP_BIN=$bin cargo bench --bench server_stdio)
criterion="Skipped (OGI_BENCH_CRITERION=0)."
if [ "${OGI_BENCH_CRITERION:-1}" != 0 ]; then
    criterion=$(criterion_table)
fi

mkdir -p "$(dirname "$results")"
{
    echo "# ogi-lsp benchmark results"
    echo
    echo "\`bash benches/run.sh${1:+ $*}\` at commit $commit, started $started."
    echo "MB = 10⁶ bytes. Whole-process and server figures: the median of $runs runs, (fastest–slowest) in brackets."
    echo
    echo "## Machine"
    echo
    echo "$machine_lines"
    echo
    echo "## \`check\`, whole process on one core"
    echo
    echo "Corpus \`$corpus\`: $mb MB compilations and $files-file trees of copies of the example report;"
    echo "each clean copy gives 2 findings, each error copy 5. One warm-up run before the measured runs; output to /dev/null."
    echo
    echo "$batch"
    echo
    echo "## Server through its stdio"
    echo
    echo "$server"
    echo
    echo "## In process (criterion)"
    echo
    echo "$criterion"
} > "$results"
cat "$results"
say "written to $results"
