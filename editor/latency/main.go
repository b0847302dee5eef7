// Command latency times the nplusone diagnostic in gopls against gopls'
// own analyzers: from didOpen, and from didChange+didSave, to the
// publishDiagnostics that carries it, on the example module and on a
// generated module of about 200 packages (bench/gen). Each session is
// run with the analyzer on and off ("analyses": {"nplusone": false}),
// alternately, first with an empty gopls cache (cold) and then warm.
// Run it in editor/:
//
//	go run ./latency -gopls DIR/gopls [-n 198] [-cold 1] [-runs 3]
//
// It prints a Markdown table for bench/RESULTS.md.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"github.com/nplusonelint/nplusonelint/editor"
)

func main() {
	gopls := flag.String("gopls", "", "gopls built by scripts/build-gopls.sh (required)")
	n := flag.Int("n", 198, "domains of the generated module (n+2 packages)")
	runs := flag.Int("runs", 3, "warm sessions per setting (median reported)")
	colds := flag.Int("cold", 1, "cold sessions per setting, each with an empty gopls cache (median reported; the warm ones reuse the last)")
	flag.Parse()
	if *gopls == "" || *n < 1 || *runs < 0 || *colds < 1 {
		log.Fatal("latency: -gopls is required; -n and -cold must be positive, -runs not negative")
	}
	bin, err := filepath.Abs(*gopls)
	if err != nil {
		log.Fatal(err)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "latency")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	example := filepath.Join(tmp, "example")
	must(run(root, "cp", "-R", "example", example))
	generated := filepath.Join(tmp, "generated")
	must(os.MkdirAll(generated, 0o755))
	mod, err := os.ReadFile(filepath.Join(root, "example", "go.mod"))
	must(err)
	mod = bytes.Replace(mod, []byte("module example.com/blog"), []byte("module example.com/scale"), 1)
	must(os.WriteFile(filepath.Join(generated, "go.mod"), mod, 0o644))
	must(run(root, "cp", "example/go.sum", generated))
	must(run(root, "go", "run", "./bench/gen", "-n", fmt.Sprint(*n), "-o", generated))

	fmt.Printf("gopls: %s; median of %d cold and %d warm sessions per setting\n\n", version(bin), *colds, *runs)
	fmt.Println("| module | gopls cache | nplusone | N+1s shown | workspace load | didOpen → gopls' analyzers | didOpen → nplusone | didChange+didSave → gopls' analyzers | didChange+didSave → nplusone |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|")
	for _, m := range []struct{ name, dir, file string }{
		{"example (1 package)", example, "blog.go"},
		{fmt.Sprintf("generated (%d packages)", *n+2), generated, fmt.Sprintf("d%02d/service.go", *n/2)},
	} {
		path := filepath.Join(m.dir, m.file)
		must(addMarker(path))
		must(run(m.dir, "go", "build", "./...")) // a warm build cache, as an editor has it
		results := map[string][]sample{}
		for i := -*colds; i < *runs; i++ { // i < 0: a cold session
			for _, on := range []bool{true, false} {
				cache := filepath.Join(tmp, fmt.Sprintf("cache-%s-%v", filepath.Base(m.dir), on))
				if i < 0 {
					must(os.RemoveAll(cache))
				}
				s, err := session(bin, m.dir, path, cache, on)
				if err != nil {
					log.Fatalf("%s (nplusone %v): %v", m.name, on, err)
				}
				key := fmt.Sprintf("%v/%v", i < 0, on)
				results[key] = append(results[key], s)
			}
		}
		for _, cold := range []bool{true, false} {
			for _, on := range []bool{true, false} {
				samples := results[fmt.Sprintf("%v/%v", cold, on)]
				if len(samples) == 0 {
					continue
				}
				s := median(samples)
				cache, setting := "warm", "on"
				if cold {
					cache = "cold"
				}
				if !on {
					setting = "off"
				}
				np, npSave := ms(s.openNplusone), ms(s.saveNplusone)
				if !on {
					np, npSave = "—", "—"
				}
				fmt.Printf("| %s | %s | %s | %d | %s | %s | %s | %s | %s |\n", m.name, cache, setting,
					s.shown, ms(s.load), ms(s.openBuiltin), np, ms(s.saveBuiltin), npSave)
			}
		}
	}
}

// sample is one session's latencies.
type sample struct {
	shown                     int // nplusone diagnostics in the file
	load                      time.Duration
	openBuiltin, openNplusone time.Duration
	saveBuiltin, saveNplusone time.Duration
}

func median(s []sample) sample {
	pick := func(f func(sample) time.Duration) time.Duration {
		var ds []time.Duration
		for _, x := range s {
			ds = append(ds, f(x))
		}
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	return sample{
		shown:        s[0].shown,
		load:         pick(func(x sample) time.Duration { return x.load }),
		openBuiltin:  pick(func(x sample) time.Duration { return x.openBuiltin }),
		openNplusone: pick(func(x sample) time.Duration { return x.openNplusone }),
		saveBuiltin:  pick(func(x sample) time.Duration { return x.saveBuiltin }),
		saveNplusone: pick(func(x sample) time.Duration { return x.saveNplusone }),
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

// session starts gopls on dir with its cache in cache, opens path, then
// changes and saves it, and returns when each kind of diagnostic came.
func session(gopls, dir, path, cache string, on bool) (sample, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var s sample
	settings := map[string]any{"analyses": map[string]any{"nplusone": on}}
	started := time.Now()
	c, err := editor.Start(ctx, gopls, dir, settings, []string{"GOPLSCACHE=" + cache}, io.Discard)
	if err != nil {
		return s, err
	}
	defer c.Close()
	s.load = time.Since(started)
	uri := editor.URI(path)
	text, err := os.ReadFile(path)
	if err != nil {
		return s, err
	}
	done := func(diags []editor.Diagnostic) bool {
		return has(diags, "printf") && (!on || has(diags, "nplusone"))
	}

	opened := time.Now()
	if err := c.DidOpen(uri, text); err != nil {
		return s, err
	}
	p, err := c.WaitDiagnostics(ctx, uri, 1, opened, done)
	if err != nil {
		return s, err
	}
	for _, d := range p.Diagnostics {
		if d.Source == "nplusone" {
			s.shown++
		}
	}
	s.openBuiltin, s.openNplusone = arrivals(c.Publishes(), uri, 1, opened)

	edited := append(bytes.Clone(text), "\n// edited\n"...)
	saved := time.Now()
	if err := c.DidChangeAndSave(path, 2, edited); err != nil {
		return s, err
	}
	if _, err := c.WaitDiagnostics(ctx, uri, 2, saved, done); err != nil {
		return s, err
	}
	s.saveBuiltin, s.saveNplusone = arrivals(c.Publishes(), uri, 2, saved)
	return s, os.WriteFile(path, text, 0o644)
}

// arrivals returns how long after since the first diagnostics of gopls'
// printf check and of nplusone arrived for the document version.
func arrivals(pubs []editor.Timed, uri string, version int, since time.Time) (builtin, nplusone time.Duration) {
	for _, p := range pubs {
		if p.URI != uri || p.Version != version || p.At.Before(since) {
			continue
		}
		if builtin == 0 && has(p.Diagnostics, "printf") {
			builtin = p.At.Sub(since)
		}
		if nplusone == 0 && has(p.Diagnostics, "nplusone") {
			nplusone = p.At.Sub(since)
		}
	}
	return builtin, nplusone
}

func has(diags []editor.Diagnostic, source string) bool {
	return slices.ContainsFunc(diags, func(d editor.Diagnostic) bool { return d.Source == source })
}

// addMarker gives gopls' own printf check something to report in the
// file (a second import declaration and a function at the end), so that
// the arrival of gopls' analyzers' diagnostics can be timed.
func addMarker(path string) error {
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	loc := packageClause.FindIndex(text)
	if loc == nil {
		return fmt.Errorf("%s: no package clause", path)
	}
	out := append(bytes.Clone(text[:loc[1]]), "\nimport \"fmt\"\n"...)
	out = append(out, text[loc[1]:]...)
	out = append(out, "\nfunc latencyMarker() string { return fmt.Sprintf(\"%d\", \"x\") }\n"...)
	return os.WriteFile(path, out, 0o644)
}

var packageClause = regexp.MustCompile(`(?m)^package \w+\n`)

func version(gopls string) string {
	out, err := exec.Command(gopls, "version").Output()
	if err != nil {
		return "unknown version"
	}
	return string(bytes.TrimSpace(out))
}

func run(dir, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %v: %v\n%s", name, args, err, out)
	}
	return nil
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
