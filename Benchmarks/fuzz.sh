#!/usr/bin/env bash
# Fuzzes each of Tebiki's input parsers with libFuzzer for a given time (not run in CI).
#   Benchmarks/fuzz.sh [seconds per target, default 60] [target…]
# Targets: front-matter links markdown http svg (see Sources/TebikiFuzz/FuzzTarget.swift).
# Findings (crashing inputs) are written to .fuzz/<target>/; re-run one with
#   .build-fuzz/debug/tebiki-fuzz <target> .fuzz/<target>/crash-…
#
# SwiftPM defines `main` for an executable (--defsym main=<module>_main), which clashes with
# the main that -sanitize=fuzzer links in. So the code is instrumented the way -sanitize=fuzzer
# would (8-bit counters, PC table, compare tracing, AddressSanitizer) and linked with libFuzzer
# without its main; tebiki-fuzz's own main then calls LLVMFuzzerRunDriver.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(front-matter links markdown http svg)

libfuzzer=$(ls /opt/swift/usr/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null \
  || ls "$(dirname "$(dirname "$(command -v swift)")")"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -n 1)
libfuzzer=$(echo "$libfuzzer" | head -n 1)
swift build --product tebiki-fuzz --build-path .build-fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp \
  -Xswiftc -Xllvm -Xswiftc -sanitizer-coverage-inline-8bit-counters \
  -Xswiftc -Xllvm -Xswiftc -sanitizer-coverage-pc-table \
  -Xlinker --undefined=LLVMFuzzerRunDriver -Xlinker "$libfuzzer" \
  -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver -Xlinker -lstdc++ 2>&1 | grep -v "Cannot export local symbol" | tail -n 2
binary=.build-fuzz/debug/tebiki-fuzz

for target in "${targets[@]}"; do
  corpus=.fuzz/$target/corpus
  mkdir -p "$corpus"
  "$binary" "$target" --write-seeds "$corpus"
  log=.fuzz/$target/log.txt
  status=0
  # ASan's leak check is off: the build keeps values for the whole process by design.
  ASAN_OPTIONS=detect_leaks=0 "$binary" "$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=".fuzz/$target/" >"$log" 2>&1 || status=$?
  summary=$(grep -E "^#[0-9]+.*(DONE|pulse|NEW)" "$log" | tail -n 1 || true)
  findings=$(ls .fuzz/"$target"/ | grep -cE "^(crash|timeout|oom|leak)-" || true)
  echo "$target: exit $status, findings $findings; $summary"
done
