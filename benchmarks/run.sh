#!/usr/bin/env bash
# Side-by-side training and inference speed: the Java engine (JMH, benchmarks module) and PyTorch
# (benchmarks/pytorch_wrn.py, same WRN, CPU, 2 threads, channels_last), alternating run by run so that
# both see the same machine state. Prints img/s, GFLOP/s and the Java/PyTorch ratio (medians).
#
# usage: benchmarks/run.sh [-r repeats] [-a "wrn-16-1 wrn-16-4"] [--samediff] [--no-infer]
#   --samediff  also measures the previous engine (SameDiff fit) on WRN-16-1, for before/after
# needs: Maven (offline is fine once built), Java 17, Debian's python3-torch (apt-get install python3-torch)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
REPEATS=3
ARCHS="wrn-16-1 wrn-16-4"
SAMEDIFF=0
INFER=1
while [ $# -gt 0 ]; do
  case "$1" in
    -r) REPEATS=$2; shift 2 ;;
    -a) ARCHS=$2; shift 2 ;;
    --samediff) SAMEDIFF=1; shift ;;
    --no-infer) INFER=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
PY=${PYTHON:-/usr/bin/python3}
OUT=$ROOT/benchmarks/target/run
mkdir -p "$OUT"

echo "== build"
mvn -B -q install -N
mvn -B -q install -DskipTests -pl results,framework,benchmarks
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
# this checkout's own classes, not the kd-claims jars in ~/.m2 (another checkout may install over them)
DEPS=$(tr ':' '\n' < "$OUT/cp.txt" | grep -v '/org/kdclaims/' | paste -sd: -)
CP="$ROOT/benchmarks/target/classes:$ROOT/framework/target/classes:$ROOT/results/target/classes:$DEPS"

echo "== machine"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket|Flags)' | sed 's/\(Flags:.\{0,60\}\).*/\1 .../'
java -version 2>&1 | head -1
$PY -c 'import torch; print("torch", torch.__version__)'

macs() { case "$1" in wrn-16-1) echo 26.66 ;; wrn-16-4) echo 392.6 ;; *) echo 0 ;; esac; }

jmh() {  # jmh <benchmark regex> <arch> <result file> [extra jmh args...]
  local bench=$1 arch=$2 file=$3; shift 3
  java -cp "$CP" org.openjdk.jmh.Main "$bench" -p arch="$arch" -f 1 -foe true -rf json -rff "$file" "$@" \
    > "$file.log" 2>&1 || { tail -30 "$file.log"; exit 1; }
  $PY -c 'import json,sys; r=json.load(open(sys.argv[1]))[0]; print(r["params"]["batch"], r["primaryMetric"]["score"])' "$file"
}

RESULTS=$OUT/results.tsv
: > "$RESULTS"
for arch in $ARCHS; do
  steps=10; [ "$arch" = wrn-16-4 ] && steps=3
  for r in $(seq 1 "$REPEATS"); do
    echo "== $arch, repeat $r/$REPEATS, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    read -r batch ms < <(jmh 'TrainingStepBenchmark' "$arch" "$OUT/train-$arch-$r.json")
    echo "java    train $(awk -v b="$batch" -v m="$ms" 'BEGIN{printf "%.1f", b*1000/m}') img/s ($ms ms/step)"
    printf "%s\tjava\ttrain\t%s\n" "$arch" "$(awk -v b="$batch" -v m="$ms" 'BEGIN{printf "%.2f", b*1000/m}')" >> "$RESULTS"
    line=$($PY benchmarks/pytorch_wrn.py --arch "$arch" --mode train --steps "$steps" --repeats 5)
    echo "$line"
    printf "%s\tpytorch\ttrain\t%s\n" "$arch" "$(echo "$line" | awk '{print $4}')" >> "$RESULTS"
    if [ "$INFER" = 1 ]; then
      read -r batch ms < <(jmh 'InferenceBenchmark' "$arch" "$OUT/infer-$arch-$r.json")
      echo "java    infer $(awk -v b="$batch" -v m="$ms" 'BEGIN{printf "%.1f", b*1000/m}') img/s ($ms ms/batch)"
      printf "%s\tjava\tinfer\t%s\n" "$arch" "$(awk -v b="$batch" -v m="$ms" 'BEGIN{printf "%.2f", b*1000/m}')" >> "$RESULTS"
      line=$($PY benchmarks/pytorch_wrn.py --arch "$arch" --mode infer --steps $((steps * 3)) --repeats 5)
      echo "$line"
      printf "%s\tpytorch\tinfer\t%s\n" "$arch" "$(echo "$line" | awk '{print $4}')" >> "$RESULTS"
    fi
    if [ "$SAMEDIFF" = 1 ] && [ "$arch" = wrn-16-1 ]; then
      read -r batch ms < <(jmh 'SameDiffStepBenchmark' "$arch" "$OUT/samediff-$arch-$r.json")
      echo "samediff train $(awk -v b="$batch" -v m="$ms" 'BEGIN{printf "%.1f", b*1000/m}') img/s ($ms ms/step, previous engine)"
      printf "%s\tsamediff\ttrain\t%s\n" "$arch" "$(awk -v b="$batch" -v m="$ms" 'BEGIN{printf "%.2f", b*1000/m}')" >> "$RESULTS"
    fi
  done
done

echo "== summary (median of $REPEATS side-by-side runs; training GFLOP/s = 6*MACs*img/s, inference = 2*MACs*img/s)"
$PY - "$RESULTS" <<'PYEOF'
import statistics, sys, collections
macs = {"wrn-16-1": 26.66e6, "wrn-16-4": 392.6e6}
d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    arch, engine, mode, ips = line.split("\t")
    d[(arch, engine, mode)].append(float(ips))
print(f"{'arch':10} {'mode':6} {'engine':9} {'img/s':>8} {'GFLOP/s':>8} {'vs pytorch':>10}")
for (arch, engine, mode), v in sorted(d.items()):
    m = statistics.median(v)
    f = (6 if mode == "train" else 2) * macs.get(arch, 0) * m / 1e9
    ref = d.get((arch, "pytorch", mode))
    ratio = f"{m / statistics.median(ref):.2f}x" if ref and engine != "pytorch" else ""
    print(f"{arch:10} {mode:6} {engine:9} {m:8.1f} {f:8.1f} {ratio:>10}   (runs: {', '.join(f'{x:.0f}' for x in v)})")
PYEOF
