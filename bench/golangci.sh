#!/usr/bin/env bash
# Times golangci-lint with only nplusone enabled against golangci-lint with
# only govet enabled, on a generated application of N domains (default
# 32), with golangci-lint's cache cold (emptied before each run) and warm
# (kept from the previous run); the Go build cache is warm in both.
# Paired runs through farm-bench. Needs the custom build:
#   scripts/build-golangci-lint.sh DIR && bash bench/golangci.sh DIR/golangci-lint [N]
set -euo pipefail
cd "$(dirname "$0")/.."
gcl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
n=${2:-32}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed 's#^module .*#module example.com/scale#' example/go.mod >"$dir/go.mod"
cp example/go.sum "$dir/"
go run ./bench/gen -n "$n" -o "$dir"
cd "$dir"
go build ./... # warm the build cache, as CI or an editor would have it
for linter in nplusone govet; do
	{
		echo 'version: "2"'
		echo 'linters:'
		echo '  default: none'
		echo "  enable: [$linter]"
		[ "$linter" = nplusone ] && printf '  settings:\n    custom:\n      nplusone:\n        type: module\n'
	} >"$linter.yml"
done
got=$("$gcl" run -c nplusone.yml --max-issues-per-linter 0 --max-same-issues 0 ./... 2>&1 | grep -c ': N+1 query: ' || true)
echo "nplusone: $got diagnostics (want $((2 * n)))"
[ "$got" = $((2 * n)) ] || exit 1
cold() { echo "rm -rf $dir/cold-$1; GOLANGCI_LINT_CACHE=$dir/cold-$1 exec $gcl run -c $1.yml ./... >/dev/null 2>&1"; }
warm() { echo "GOLANGCI_LINT_CACHE=$dir/warm-$1 exec $gcl run -c $1.yml ./... >/dev/null 2>&1"; }
echo "== cold golangci-lint cache: nplusone (A) vs govet (B)"
farm-bench -n 5 --timeout 600 --vs "sh -c '$(cold govet)'" -- sh -c "$(cold nplusone)"
echo "== warm golangci-lint cache: nplusone (A) vs govet (B)"
farm-bench -n 5 --timeout 600 --vs "sh -c '$(warm govet)'" -- sh -c "$(warm nplusone)"
