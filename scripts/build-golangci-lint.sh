#!/usr/bin/env bash
# Builds golangci-lint with the nplusone module plugin and writes
# DIR/golangci-lint.
#
#   scripts/build-golangci-lint.sh DIR
#
# What `golangci-lint custom` does, from the Go module proxy only (custom
# git-clones golangci-lint from GitHub): a main module made of
# golangci-lint's own cmd/golangci-lint/main.go, a plugins.go importing
# this repository's golangci package (the working tree the script lives
# in, by a replace), and golangci-lint's module as a requirement. The
# version it reports, which golangci-lint salts its result cache with,
# ends in a hash of the plugin's sources: a changed analyzer never reads
# stale cached results. A binary already built from the same sources is
# kept. Upgrading golangci-lint means changing GOLANGCI_LINT_VERSION below.
set -euo pipefail

# The golangci-lint release this project builds and tests. Its go.mod must
# require at least the x/tools (and plugin-module-register) of ours.
GOLANGCI_LINT_VERSION=v2.15.0

die() { echo "build-golangci-lint: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: scripts/build-golangci-lint.sh DIR (writes DIR/golangci-lint)"
mkdir -p "$1" || die "cannot create $1"
out=$(cd "$1" && pwd)/golangci-lint
root=$(cd "$(dirname "$0")/.." && pwd)
module=github.com/nplusonelint/nplusonelint
gcl=github.com/golangci/golangci-lint/v2

# The hash of the Go files of this module's packages the plugin imports,
# with the module's go.mod and go.sum (the versions it builds with), and
# of this script (the golangci-lint version).
sources=$(cd "$root" && go list -deps -f \
	'{{if and .Module (eq .Module.Path "'"$module"'")}}{{range .GoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}{{end}}' \
	./golangci) || die "cannot list the plugin's sources"
sources+=$'\n'"$root/go.mod"$'\n'"$root/go.sum"$'\n'"$root/scripts/build-golangci-lint.sh"
hash=$( (cd "$root" && LC_ALL=C sort <<<"$sources" | xargs sha256sum | sed "s|  $root/|  |") | sha256sum | cut -c1-12)
version="${GOLANGCI_LINT_VERSION#v}-custom-nplusone.$hash"

if [ -x "$out" ] && "$out" version 2>/dev/null | grep -qF "version $version "; then
	echo "build-golangci-lint: $out is up to date ($version)"
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# golangci-lint's main package, from the module proxy (or the module cache).
info=$(GOFLAGS=-mod=mod go mod download -json "$gcl@$GOLANGCI_LINT_VERSION") ||
	die "cannot download golangci-lint $GOLANGCI_LINT_VERSION: $info"
src=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$info")
[ -n "$src" ] && [ -f "$src/cmd/golangci-lint/main.go" ] ||
	die "no cmd/golangci-lint/main.go in golangci-lint $GOLANGCI_LINT_VERSION: $info"

# The root module's requirements must not raise golangci-lint's own.
for dep in golang.org/x/tools github.com/golangci/plugin-module-register; do
	ours=$(cd "$root" && go list -m -f '{{.Version}}' "$dep")
	theirs=$(sed -n "s|^[[:space:]]*$dep \(v[^ ]*\).*|\1|p" "$src/go.mod" | head -1)
	[ -n "$theirs" ] || die "golangci-lint $GOLANGCI_LINT_VERSION does not require $dep"
	[ "$(printf '%s\n%s\n' "$ours" "$theirs" | sort -V | tail -1)" = "$theirs" ] ||
		die "$module requires $dep $ours, newer than golangci-lint $GOLANGCI_LINT_VERSION's $theirs"
done

cp "$src/cmd/golangci-lint/main.go" main.go
chmod u+w main.go
cat >plugins.go <<GO
package main

import _ "$module/golangci" // the nplusone linter
GO
cat >go.mod <<MOD
module nplusonelint.local/golangci-lint

go 1.26.0

require (
	$gcl $GOLANGCI_LINT_VERSION
	$module v0.0.0-00010101000000-000000000000
)

replace $module => $root
MOD
GOFLAGS=-mod=mod go mod tidy >tidy.log 2>&1 || die "go mod tidy failed: $(cat tidy.log)"
[ "$(go list -m -f '{{.Version}}' golang.org/x/tools)" = "$(sed -n 's|^[[:space:]]*golang.org/x/tools \(v[^ ]*\).*|\1|p' "$src/go.mod" | head -1)" ] ||
	die "the build would change golangci-lint's x/tools"

go build -trimpath \
	-ldflags="-X main.version=$version -X main.commit=nplusone.$hash -X main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
	-o "$out.tmp" . || die "build failed"
mv "$out.tmp" "$out"
echo "build-golangci-lint: wrote $out ($version)"
