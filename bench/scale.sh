#!/usr/bin/env bash
# Generates an application of N domains (default 32) and times
# nplusonelint on it with its own driver and with singlechecker (-c=-1).
# Each domain holds two N+1s, so both runs must report 2N diagnostics.
# With "split", each domain also calls an interface implemented in a
# package it never imports: the driver, which resolves it, must report 3N,
# singlechecker (one package at a time, as go vet) 2N.
# Usage: bash bench/scale.sh [N] [split]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-32}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed 's#^module .*#module example.com/scale#' example/go.mod >"$dir/go.mod"
cp example/go.sum "$dir/"
split=${2:-}
go run ./bench/gen -n "$n" -o "$dir" ${split:+-split}
go build -o "$dir/nplusonelint" ./cmd/nplusonelint
cd "$dir"
go build ./... # warm the build cache, as an editor or CI would have it
for mode in driver singlechecker; do
	want=$((2 * n))
	[ -n "$split" ] && [ "$mode" = driver ] && want=$((3 * n))
	args=(./...)
	[ "$mode" = singlechecker ] && args=(-c=-1 ./...)
	set +e
	/usr/bin/time -f "%e s %M KB" ./nplusonelint "${args[@]}" >/dev/null 2>"$dir/out.txt"
	set -e
	got=$(grep -c ': N+1 query: ' "$dir/out.txt" || true)
	echo "$mode: $(tail -1 "$dir/out.txt"), $got diagnostics (want $want)"
	[ "$got" = "$want" ] || { grep ': N+1 query: ' "$dir/out.txt" | head; exit 1; }
done
