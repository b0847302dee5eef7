#!/usr/bin/env bash
# Runs the tests of every module of the repository: the tool's own module
# and the test modules that bring the real data libraries. Arguments go to
# each go test (e.g. -short, -run X).
set -euo pipefail
cd "$(dirname "$0")/.."

# The scenario modules are loaded by analysistest with GOPROXY=off: their
# requirements must be in the module cache first.
for scen in testdata/src testdata/databasesql example; do
	(cd "$scen" && go mod download)
done

for mod in $(git ls-files '*go.mod' | grep -v '^testdata/\|^example/\|/testdata/'); do
	dir=$(dirname "$mod")
	echo "== go test $dir"
	(cd "$dir" && go test "$@" ./...)
done
