package browser

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/nplusonelint/nplusonelint/querycount/debughttp"
	"github.com/nplusonelint/nplusonelint/querycount/gormcount"
	"github.com/nplusonelint/nplusonelint/querycount/tests/exampleapp"
)

const posts = 5

// serve starts the example blog on 127.0.0.1 with posts posts.
func serve(t *testing.T) (*httptest.Server, *debughttp.Recorder) {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(filepath.Join(t.TempDir(), "blog.db")+"?_pragma=busy_timeout(5000)"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := exampleapp.Seed(db, posts); err != nil {
		t.Fatal(err)
	}
	gormcount.Attach(db)
	rec := &debughttp.Recorder{}
	srv := httptest.NewServer(exampleapp.Handler(db, rec))
	t.Cleanup(srv.Close)
	return srv, rec
}

func get(t testing.TB, url string) {
	resp, err := http.Get(url)
	if err != nil {
		t.Error(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("Post 1 by Author 1")) {
		t.Errorf("GET %s: %s\n%s", url, resp.Status, body)
	}
}

// nPlusOneSite is where the example's N+1 runs: dir/file.go:line.
func nPlusOneSite(t *testing.T) string {
	src, err := os.ReadFile("../exampleapp/app.go")
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, "// the N+1") {
			return fmt.Sprintf("exampleapp/app.go:%d", i+1)
		}
	}
	t.Fatal("no N+1 marked in the example")
	return ""
}

// Parallel requests each get a unit of their own: 1+N statements and one
// duplicate group for the N+1 page, 2 and none for the fixed one.
func TestParallelRequestsAreCountedApart(t *testing.T) {
	srv, rec := serve(t)
	var wg sync.WaitGroup
	for i := range 16 {
		path := "/posts"
		if i%2 == 1 {
			path = "/posts/preload"
		}
		wg.Go(func() { get(t, srv.URL+path) })
	}
	wg.Wait()
	units := rec.Units()
	if len(units) != 16 {
		t.Fatalf("%d requests kept, want 16", len(units))
	}
	site := nPlusOneSite(t)
	for _, u := range units {
		want, dups := 2, 0
		if u.Name() == "GET /posts" {
			want, dups = 1+posts, 1
		}
		d := u.Duplicates(2)
		if u.Count() != want || len(d) != dups {
			t.Errorf("%s: %d statements, %d duplicate groups; want %d, %d", u.Name(), u.Count(), len(d), want, dups)
		}
		if dups == 1 && (d[0].Count() != posts || d[0].Caller.String() != site) {
			t.Errorf("%s: duplicate %d× at %s, want %d× at %s", u.Name(), d[0].Count(), d[0].Caller, posts, site)
		}
	}
}

// The debug page in a real browser: headless Chromium renders it over
// the example with its N+1, and the duplicate group is on the page.
func TestDebugPageInChromium(t *testing.T) {
	browser := chromium(t)
	srv, _ := serve(t)
	get(t, srv.URL+"/posts/preload")
	get(t, srv.URL+"/posts")
	page := srv.URL + "/debug/queries"

	dom := run(t, browser, "--dump-dom", page)
	start := strings.Index(dom, `<div class="duplicate">`)
	if start < 0 {
		t.Fatalf("no duplicate group in the page's DOM:\n%s", dom)
	}
	group := dom[start:]
	group = group[:strings.Index(group, "</div>\n</div>")]
	for _, want := range []string{
		fmt.Sprintf(`<span class="count">%d×</span>`, posts),
		"SELECT * FROM `authors` WHERE `authors`.`id` = ? ORDER BY `authors`.`id` LIMIT ?",
		`<span class="site">` + nPlusOneSite(t) + `</span>`,
		"GORM", "Preload(",
	} {
		if !strings.Contains(group, want) {
			t.Errorf("the duplicate group lacks %q:\n%s", want, group)
		}
	}
	if n := strings.Count(dom, `<div class="duplicate">`); n != 1 {
		t.Errorf("%d duplicate groups on the page, want 1 (the fixed page has none)", n)
	}
	if !strings.Contains(dom, "GET /posts/preload") || !strings.Contains(dom, "GET /posts —") {
		t.Errorf("the page does not list both requests:\n%s", dom)
	}

	shot := filepath.Join(t.TempDir(), "debug-page.png")
	if p := os.Getenv("QUERYCOUNT_SCREENSHOT"); p != "" {
		shot = p
	}
	run(t, browser, "--screenshot="+shot, "--window-size=1280,900", page)
	checkScreenshot(t, shot)
}

// checkScreenshot checks the PNG has the window's size and shows the
// duplicate group's highlight colour (#fff3cd) over a good part of a
// line.
func checkScreenshot(t *testing.T, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	b := img.Bounds()
	if b.Dx() != 1280 || b.Dy() != 900 {
		t.Errorf("screenshot is %dx%d, want 1280x900", b.Dx(), b.Dy())
	}
	highlight := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 == 0xff && g>>8 == 0xf3 && bl>>8 == 0xcd {
				highlight++
			}
		}
	}
	if highlight < 1280*20 {
		t.Errorf("screenshot %s shows %d pixels of the duplicate highlight, want a block of them", path, highlight)
	}
}

// chromium returns Debian's Chromium, or skips the test when it is not
// installed (CI installs it and sets QUERYCOUNT_BROWSER=required).
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "chromium not found: install Debian's chromium package (apt-get install chromium) to run the browser test"
	if os.Getenv("QUERYCOUNT_BROWSER") == "required" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// run runs headless Chromium with args and returns its standard output.
func run(t *testing.T, browser string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--hide-scrollbars", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, browser, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", browser, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}
