#!/usr/bin/env bash
# Builds gopls with the nplusone analyzer compiled in and writes DIR/gopls.
#
#   scripts/build-gopls.sh DIR
#
# gopls cannot load third-party analyzers, but its analyzer list is
# compiled in: this script takes gopls' source from the Go module proxy,
# adds analyzer.Analyzer of this repository (the working tree the script
# lives in) to that list, enabled by default and switchable with gopls'
# "analyses": {"nplusone": false} setting, and builds it with the x/tools
# version gopls itself pins. Rebuilds are incremental through the Go build
# cache. Upgrading gopls means changing GOPLS_VERSION below and rerunning.
set -euo pipefail

# The gopls release this project builds and tests (the release for Go 1.26).
GOPLS_VERSION=v0.23.0

die() { echo "build-gopls: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: scripts/build-gopls.sh DIR (writes DIR/gopls)"
mkdir -p "$1" || die "cannot create $1"
out=$(cd "$1" && pwd)/gopls
root=$(cd "$(dirname "$0")/.." && pwd)
module=github.com/nplusonelint/nplusonelint

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# gopls' source, from the module proxy (or the module cache).
info=$(GOFLAGS=-mod=mod go mod download -json "golang.org/x/tools/gopls@$GOPLS_VERSION") ||
	die "cannot download gopls $GOPLS_VERSION: $info"
src=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$info")
[ -n "$src" ] && [ -d "$src" ] || die "no source directory for gopls $GOPLS_VERSION: $info"
cp -R "$src/." gopls
chmod -R u+w gopls
cd gopls

# The x/tools version gopls pins. Our go.mod requires a newer one, which
# minimal version selection would pick, and gopls uses x/tools internals
# that change between versions: keep gopls' own.
tools=$(go list -m -f '{{.Version}}' golang.org/x/tools) || die "cannot read gopls' x/tools version"

# Add the analyzer to gopls' compiled-in list (gopls/internal/settings).
settings=internal/settings/analysis.go
grep -q '^	for _, a := range \[\]\*Analyzer{$' "$settings" ||
	die "gopls $GOPLS_VERSION: analyzer list not found in $settings; update this script for that version"
sed -i \
	-e 's|^import ($|import (\n\tnplusoneanalyzer "'"$module"'/analyzer"|' \
	-e 's|^	for _, a := range \[\]\*Analyzer{$|&\n\t\t{analyzer: nplusoneanalyzer.Analyzer}, // N+1 queries: '"$module"'|' \
	"$settings"
gofmt -l "$settings" >/dev/null || die "patched $settings does not parse"

go mod edit \
	-require="$module@v0.0.0-00010101000000-000000000000" \
	-replace="$module=$root" \
	-replace="golang.org/x/tools=golang.org/x/tools@$tools"

# The version gopls reports names the analyzer sources it was built from:
# a hash of the Go files of this module's packages the analyzer imports.
sources=$(cd "$root" && go list -deps -f \
	'{{if and .Module (eq .Module.Path "'"$module"'")}}{{range .GoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}{{end}}' \
	./analyzer) || die "cannot list the analyzer's sources"
hash=$(LC_ALL=C sort <<<"$sources" | xargs sha256sum | cut -d" " -f1 | sha256sum | cut -c1-12)
version="$GOPLS_VERSION+nplusone.$hash"

GOFLAGS=-mod=mod go build -trimpath \
	-ldflags="-X main.version=$version" \
	-o "$out.tmp" . || die "build failed"
mv "$out.tmp" "$out"
echo "build-gopls: wrote $out ($version, x/tools $tools)"
