package article

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// checkArticle fails t when a breaks what every reader promises.
func checkArticle(t testing.TB, a parley.Article) {
	t.Helper()
	switch {
	case strings.TrimSpace(a.Text) == "":
		t.Errorf("article %q (%s): empty text", a.Doc, a.Origin)
	case !utf8.ValidString(a.Text):
		t.Errorf("article %q (%s): text is not valid UTF-8", a.Doc, a.Origin)
	case a.Doc == "":
		t.Errorf("article from %s: empty Doc", a.Origin)
	case a.Origin == "":
		t.Errorf("article %q: empty Origin", a.Doc)
	case a.Key != "":
		t.Errorf("article %q: Key = %q, want it left empty", a.Doc, a.Key)
	}
	for _, s := range []string{a.Doc, a.URL, a.Title, a.Source} {
		if !utf8.ValidString(s) {
			t.Errorf("article %q (%s): field %q is not valid UTF-8", a.Doc, a.Origin, s)
		}
	}
	for k, v := range a.Meta {
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			t.Errorf("article %q (%s): meta %q=%q is not valid UTF-8", a.Doc, a.Origin, k, v)
		}
	}
}

// checkError fails t when e lacks what a report needs.
func checkError(t testing.TB, e *Error) {
	t.Helper()
	switch {
	case e == nil:
		t.Errorf("reported a nil *Error")
	case e.Path == "":
		t.Errorf("error %v: empty Path", e.Err)
	case e.Err == nil:
		t.Errorf("error at %s:%d: nil Err", e.Path, e.Line)
	case e.Line < 0:
		t.Errorf("error %v: Line %d < 0", e, e.Line)
	}
}
