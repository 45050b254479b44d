#!/usr/bin/env bash
# How to fill the machine: training throughput of W runs at once x T threads per run (JMH,
# ParallelRunsBenchmark, WRN-10-k at 16x16, batch 128: the ci scale's models), for the suite's
# local executor. Prints img/s of the whole machine per (arch, W x T).
#
# usage: benchmarks/parallel.sh [-a "wrn-10-1 wrn-10-3 wrn-10-8"] [-c "1x2 2x1"]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARCHS="wrn-10-1 wrn-10-3 wrn-10-8"
CONFIGS="1x2 2x1"
while [ $# -gt 0 ]; do
  case "$1" in
    -a) ARCHS=$2; shift 2 ;;
    -c) CONFIGS=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
OUT=$ROOT/benchmarks/target/parallel
mkdir -p "$OUT"
mvn -B -q install -N
mvn -B -q install -DskipTests -pl results,framework,benchmarks
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
DEPS=$(tr ':' '\n' < "$OUT/cp.txt" | grep -v '/org/kdclaims/' | paste -sd: -)
CP="$ROOT/benchmarks/target/classes:$ROOT/framework/target/classes:$ROOT/results/target/classes:$DEPS"
echo "machine: $(lscpu | grep 'Model name' | sed 's/.*: *//'), $(nproc) cores, avx512f: $(grep -c avx512f /proc/cpuinfo)"
for arch in $ARCHS; do
  for c in $CONFIGS; do
    w=${c%x*}; t=${c#*x}
    f="$OUT/$arch-$c.json"
    java -cp "$CP" org.openjdk.jmh.Main ParallelRunsBenchmark -p arch="$arch" -p threadsPerRun="$t" -t "$w" \
      -f 1 -wi 1 -w 4s -i 3 -r 4s -foe true -rf json -rff "$f" > "$f.log" 2>&1 || { tail -30 "$f.log"; exit 1; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))[0]; ms=r["primaryMetric"]["score"]; w=int(sys.argv[2]);
print("%-9s %s runs x %s threads: %7.1f img/s (%.1f ms/step per run)" % (sys.argv[3], w, sys.argv[4], w*128*1000/ms, ms))' "$f" "$w" "$arch" "$t"
  done
done
