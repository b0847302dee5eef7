#!/usr/bin/env bash
# Runs the tests of every module of the repository: the tool's own module,
# the test modules that bring the real data libraries, and the runtime
# companion's modules. Arguments go to
# each go test (e.g. -short, -run X).
set -euo pipefail
cd "$(dirname "$0")/.."

# The scenario modules are loaded by analysistest with GOPROXY=off: their
# requirements must be in the module cache first.
for scen in testdata/src testdata/databasesql testdata/bun testdata/gormv1 testdata/xorm testdata/gopg example; do
	(cd "$scen" && go mod download)
done

for mod in $(git ls-files '*go.mod' | grep -v '^testdata/\|^example/\|/testdata/\|^querycount/'); do
	dir=$(dirname "$mod")
	echo "== go test $dir"
	(cd "$dir" && go test "$@" ./...)
done

# The runtime companion's modules, with the race detector and the debug
# page's browser test (it installs a C compiler and Chromium when missing).
echo "== querycount"
bash .ci/querycount
