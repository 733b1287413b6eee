package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/parley-events/parley/internal/storetest"
)

// chromium finds a Chromium or Chrome binary: $PARLEY_CHROMIUM, then the
// usual names on $PATH.
func chromium() string {
	if p := os.Getenv("PARLEY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// screenshotDir is where the browser test saves its PNG files:
// $PARLEY_SCREENSHOTS, or a temporary directory.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("PARLEY_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// watchPage is installed in every document before its own scripts run: it
// records Content-Security-Policy violations, so a test can see that the
// pages need nothing the policy forbids.
const watchPage = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
});`

// browser drives one headless Chromium tab against a running server.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
	dir  string

	mu         sync.Mutex
	exceptions []string
}

// TestBrowser runs the UI in real headless Chromium over a real server and
// store: every view loads without a script error or a CSP violation, the
// hostile article's markup never runs, and a click goes from a graph node
// to an actor page to an event's highlighted sentence. It saves a
// screenshot of each view.
func TestBrowser(t *testing.T) {
	exe := chromium()
	if exe == "" {
		if os.Getenv("PARLEY_REQUIRE_CHROMIUM") != "" {
			t.Fatal("PARLEY_REQUIRE_CHROMIUM is set (as in CI) but no Chromium was found")
		}
		t.Skip("no Chromium found (install Debian's chromium, or set PARLEY_CHROMIUM): skipping the browser test")
	}
	if testing.Short() {
		t.Skip("-short: skipping the browser test")
	}
	store := openStore(t, fixtureBatches(t), storetest.Generate(40, 5))
	srv := newTestServer(t, store, nil, Config{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })

	profile, err := os.MkdirTemp("", "parley-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Chromium's children may write in the profile for a moment after
		// it stops: try a few times, and leave it to the system otherwise.
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: watchPage}); err != nil {
		t.Fatalf("starting Chromium (%s): %v", exe, err)
	}
	b := &browser{t: t, ctx: ctx, base: "http://" + ln.Addr().String(), dir: screenshotDir(t)}
	go b.watch()
	t.Logf("screenshots in %s", b.dir)

	t.Run("events", b.testEvents)
	t.Run("network to actor to sentence", b.testClickThrough)
	t.Run("dyad", b.testDyad)
	t.Run("map", b.testMap)
	t.Run("hostile pages", b.testHostilePages)
}

// watch records uncaught script exceptions until the tab closes.
func (b *browser) watch() {
	for ev, err := range chromedp.Events(b.ctx, runtime.ExceptionThrown) {
		if err != nil {
			return
		}
		b.mu.Lock()
		b.exceptions = append(b.exceptions, (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
		b.mu.Unlock()
	}
}

// run runs actions with a time limit, failing the test on error.
func (b *browser) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](b *browser, js string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript predicate until it holds.
func (b *browser) waitFor(what, predicate string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		b.t.Fatalf("waiting for %s (%s): %v; page errors: %v", what, predicate, err, b.errors())
	}
}

// open loads a page and waits for it.
func (b *browser) open(path string) {
	b.t.Helper()
	b.run("open "+path, chromedp.Navigate(b.base+path))
}

// errors returns the exceptions so far, and the CSP violations of the page.
func (b *browser) errors() []string {
	b.mu.Lock()
	errs := append([]string{}, b.exceptions...)
	b.mu.Unlock()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	csp, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp || []`))
	if err != nil {
		errs = append(errs, "reading CSP violations: "+err.Error())
	}
	for _, v := range csp {
		errs = append(errs, "CSP violation: "+v)
	}
	return errs
}

// check asserts the page is clean: no script error, no CSP violation, no
// injected script ran, no javascript: link.
func (b *browser) check() {
	b.t.Helper()
	if errs := b.errors(); len(errs) > 0 {
		b.t.Errorf("page errors:\n%s", strings.Join(errs, "\n"))
	}
	if pwned := eval[string](b, `typeof window.__pwned`); pwned != "undefined" {
		b.t.Errorf("injected script ran: window.__pwned is %s", pwned)
	}
	if n := eval[int](b, `[...document.querySelectorAll('a[href], area[href]')].filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length`); n > 0 {
		b.t.Errorf("%d javascript: links on the page", n)
	}
	if n := eval[int](b, `document.querySelectorAll('main script, main img, main iframe, main [onerror], main [onmouseover]').length`); n > 0 {
		b.t.Errorf("%d elements injected from data", n)
	}
}

// shot saves a full-page PNG screenshot.
func (b *browser) shot(name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) location() string {
	b.t.Helper()
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		b.t.Fatal(err)
	}
	return u.RequestURI()
}

// clickAndLoad clicks at x, y or on sel and waits for the next page load.
func (b *browser) clickAndLoad(what string, click chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(cdppage.LoadEventFired, nil, click)); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func (b *browser) testEvents(t *testing.T) {
	b.t = t
	b.open("/")
	b.waitFor("the events table", `document.querySelectorAll('#events tr.event-row').length >= 100`)
	b.waitFor("the stats line", `document.getElementById('stats').textContent.includes('events')`)
	// Paging: More appends the next page.
	b.run("click More", chromedp.Click(chromedp.ID("more")))
	b.waitFor("the second page", `document.querySelectorAll('#events tr.event-row').length > 100`)
	b.check()
	b.shot("events")

	// Filters from the address bar, then the hostile event's sentence.
	b.open("/?actor=IRN&since=2025-09-01&until=2025-09-30")
	b.waitFor("the filtered table", `document.querySelector('#events tr[data-id="hostile-1-0"]') !== null`)
	if got := eval[string](b, `document.querySelector('#filters [name=actor]').value`); got != "IRN" {
		t.Errorf("actor filter shows %q, want IRN", got)
	}
	b.run("click the event", chromedp.Click(chromedp.CSS(`#events tr[data-id="hostile-1-0"] td`)))
	b.waitFor("the sentence", `document.querySelector('#detail #sentence mark.hl-event') !== null`)
	text := eval[string](b, `document.querySelector('#detail #sentence').textContent`)
	if text != hostileText {
		t.Errorf("sentence shown as %q, want the text as it is %q", text, hostileText)
	}
	marks := eval[[]string](b, `[...document.querySelectorAll('#detail #sentence mark')].map(m => m.className + '=' + m.textContent)`)
	want := []string{"hl hl-actor=Iran", "hl hl-event=threatened", "hl hl-recipient=Syria"}
	if fmt.Sprint(marks) != fmt.Sprint(want) {
		t.Errorf("marks %q, want %q", marks, want)
	}
	b.check()
	b.shot("event-sentence-hostile")

	// Full-text search.
	b.open("/?q=humanitarian")
	b.waitFor("search results", `document.querySelector('#events tr[data-id="damascus-aid-0"]') !== null`)
	b.check()
}

// testClickThrough clicks the RUS node of the network, then an event on
// RUS's page, and checks the event page highlights its sentence.
func (b *browser) testClickThrough(t *testing.T) {
	b.t = t
	b.open("/network")
	b.waitFor("the graph", `document.getElementById('graph').dataset.ready === 'true' && !!window.parleyNetwork`)
	b.waitFor("a drawn canvas", `document.querySelectorAll('#graph canvas').length > 0`)
	b.check()
	b.shot("network")
	xy := eval[[]float64](b, `(() => {
		const n = window.parleyNetwork.getElementById('RUS');
		const p = n.renderedPosition();
		const r = document.getElementById('graph').getBoundingClientRect();
		return [r.left + p.x, r.top + p.y];
	})()`)
	if len(xy) != 2 {
		t.Fatalf("RUS node position %v", xy)
	}
	b.clickAndLoad("click the RUS node", chromedp.MouseClickXY(xy[0], xy[1]))
	if loc := b.location(); loc != "/actors/RUS" {
		t.Fatalf("after clicking the RUS node the page is %s, want /actors/RUS", loc)
	}
	b.waitFor("the actor's chart", `document.getElementById('chart').dataset.ready === 'true'`)
	if h1 := eval[string](b, `document.querySelector('h1').textContent`); !strings.Contains(h1, "Russia") {
		t.Errorf("actor page title %q, want Russia", h1)
	}
	b.check()
	b.shot("actor-RUS")

	b.clickAndLoad("click an event", chromedp.Click(chromedp.CSS(`#actor-events a[href="/events/damascus-aid-0"]`)))
	if loc := b.location(); loc != "/events/damascus-aid-0" {
		t.Fatalf("after clicking the event the page is %s", loc)
	}
	marks := eval[[]string](b, `[...document.querySelectorAll('#sentence mark')].map(m => m.className + '=' + m.textContent)`)
	want := []string{"hl hl-actor=Russia", "hl hl-event=sent", "hl hl-recipient=Syria"}
	if fmt.Sprint(marks) != fmt.Sprint(want) {
		t.Errorf("marks %q, want %q", marks, want)
	}
	b.check()
	b.shot("event-page")
}

func (b *browser) testDyad(t *testing.T) {
	b.t = t
	b.open("/dyad?a=RUS&b=SYR&by=month")
	b.waitFor("the chart", `document.querySelectorAll('#chart svg rect.bar').length > 0`)
	b.waitFor("the brokers", `document.querySelector('#brokers p') !== null && !document.querySelector('#brokers p').classList.contains('muted')`)
	if trend := eval[string](b, `document.getElementById('trend').textContent`); !strings.Contains(trend, "RUS–SYR") {
		t.Errorf("trend %q", trend)
	}
	b.check()
	b.shot("dyad-RUS-SYR")

	b.open("/dyad?a=IRN&b=SYR")
	b.waitFor("the brokers", `document.querySelector('#brokers ol.brokers li a') !== null`)
	if first := eval[string](b, `document.querySelector('#brokers ol.brokers li a').textContent`); first == "" {
		t.Errorf("no broker shown")
	}
	b.check()

	// An API error is shown, as text.
	b.open("/dyad?a=RUS&b=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D7%3E")
	b.waitFor("the error", `!document.getElementById('error').hidden`)
	b.check()
}

func (b *browser) testMap(t *testing.T) {
	b.t = t
	b.open("/map")
	b.waitFor("the places", `document.getElementById('map').dataset.ready === 'true'`)
	b.waitFor("the basemap", `document.querySelectorAll('#map path.leaflet-interactive, #map path').length > 100`)
	if n := eval[int](b, `Number(document.getElementById('map').dataset.places)`); n < 2 {
		t.Errorf("%d places on the map, want Moscow, Damascus and more", n)
	}
	b.check()
	b.shot("map")
}

func (b *browser) testHostilePages(t *testing.T) {
	b.t = t
	for _, path := range []string{"/events/hostile-1-0", "/actors/IRN"} {
		b.open(path)
		b.waitFor("the page", `document.readyState === 'complete'`)
		if path == "/events/hostile-1-0" {
			text := eval[string](b, `document.getElementById('sentence').textContent`)
			if text != hostileText {
				t.Errorf("%s: sentence %q, want %q", path, text, hostileText)
			}
		}
		b.check()
		b.shot("hostile" + strings.ReplaceAll(path, "/", "-"))
	}
}
