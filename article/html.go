package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/parley-events/parley"
)

// readHTML reads an HTML page as one article.
func (s *sink) readHTML(data []byte) error {
	if !utf8.Valid(data) {
		dec, ok := decodeHTML(data)
		if !ok {
			s.checkUTF8(data, 0, 1)
			return nil
		}
		data = dec
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil { // elements nested over 512 deep
		s.fail(0, fmt.Errorf("cannot parse HTML: %w", err))
		return nil
	}
	p := scanPage(doc)
	text := p.text()
	if text == "" {
		s.fail(0, errors.New("HTML page has no article text"))
		return nil
	}
	a := parley.Article{
		Doc:    s.docName(),
		URL:    first(p.canonical, p.ogURL),
		Title:  first(p.ogTitle, p.title, p.h1),
		Source: p.siteName,
		Text:   text,
		Origin: s.origin(0),
	}
	if p.date.value != "" {
		t, ok := parseDate(p.date.value)
		if !ok {
			s.fail(0, errDate(p.date.field, p.date.value))
			return nil
		}
		a.Published = t
	} else if t, ok := parseDate(p.timeDate); ok {
		a.Published = t
	}
	if p.author != "" {
		a.Meta = map[string]string{"author": p.author}
	}
	return s.emit(a)
}

// decodeHTML decodes a page that is not UTF-8 from the encoding its byte
// order mark or <meta charset> declares; ok is false when it declares none
// (or UTF-8).
func decodeHTML(data []byte) (_ []byte, ok bool) {
	enc, name, certain := charset.DetermineEncoding(data, "")
	if name == "utf-8" {
		return nil, false
	}
	if !certain && !bytes.Contains(bytes.ToLower(data[:min(len(data), 1024)]), []byte("charset")) {
		return nil, false // windows-1252 is only the parser's default guess
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return nil, false
	}
	return out, true
}

// htmlText returns the text of an HTML fragment, such as a feed item's
// content.
func htmlText(fragment string) string {
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return ""
	}
	return nodeText(doc)
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// page is what scanPage found in a parsed page.
type page struct {
	title, ogTitle, h1 string
	canonical, ogURL   string
	siteName, author   string
	date               pageDate // the best-ranked declared publication date
	timeDate           string   // the first <time datetime>
	articles           []*html.Node
	main, body         *html.Node
}

// pageDate is a declared publication date; a lower rank is more trusted.
type pageDate struct {
	rank         int
	field, value string
}

// dateRanks ranks the meta names, properties and itemprops (lower case)
// that declare a publication date.
var dateRanks = map[string]int{
	"article:published_time": 1, "og:article:published_time": 1, "og:published_time": 1,
	"datepublished": 2,
	"date":          3, "pubdate": 3, "publishdate": 3, "publish-date": 3, "publish_date": 3,
	"dc.date": 4, "dc.date.issued": 4, "dcterms.issued": 4, "dcterms.created": 4, "dcterms.date": 4,
	"parsely-pub-date": 4, "sailthru.date": 4, "article.published": 4, "original-publish-date": 4,
}

const rankJSONLD = 5

// scanPage collects a page's metadata and candidate article roots.
func scanPage(doc *html.Node) *page {
	p := &page{}
	offer := func(rank int, field, value string) {
		value = strings.TrimSpace(value)
		if value != "" && (p.date.value == "" || rank < p.date.rank) {
			p.date = pageDate{rank: rank, field: field, value: value}
		}
	}
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Svg, atom.Math, atom.Template:
			return false
		case atom.Title:
			if p.title == "" {
				p.title = collapseSpace(innerText(n))
			}
			return false
		case atom.Meta:
			key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			content := strings.TrimSpace(attr(n, "content"))
			switch key {
			case "og:title", "twitter:title":
				p.ogTitle = first(p.ogTitle, collapseSpace(content))
			case "og:url":
				p.ogURL = first(p.ogURL, content)
			case "og:site_name":
				p.siteName = first(p.siteName, collapseSpace(content))
			case "author", "article:author", "dc.creator":
				if !strings.Contains(content, "://") {
					p.author = first(p.author, collapseSpace(content))
				}
			}
			if rank, ok := dateRanks[key]; ok {
				offer(rank, key, content)
			}
		case atom.Link:
			if hasToken(attr(n, "rel"), "canonical") {
				p.canonical = first(p.canonical, strings.TrimSpace(attr(n, "href")))
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				if v := jsonLDDate(innerText(n)); v != "" {
					offer(rankJSONLD, "datePublished", v)
				}
			}
			return false
		case atom.Time:
			if p.timeDate == "" {
				p.timeDate = strings.TrimSpace(attr(n, "datetime"))
			}
		case atom.H1:
			if p.h1 == "" {
				p.h1 = collapseSpace(innerText(n))
			}
		case atom.Article:
			p.articles = append(p.articles, n)
		case atom.Main:
			if p.main == nil {
				p.main = n
			}
		case atom.Body:
			p.body = n
		}
		if n.DataAtom != atom.Meta && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			offer(dateRanks["datepublished"], "datePublished", first(attr(n, "datetime"), attr(n, "content")))
		}
		if p.main == nil && strings.EqualFold(attr(n, "role"), "main") {
			p.main = n
		}
		return true
	}, nil)
	return p
}

// text returns the article text of the page: that of the <article> with
// the most text, else of <main>, else of <body>.
func (p *page) text() string {
	best := ""
	for _, a := range p.articles {
		if t := nodeText(a); len(t) > len(best) {
			best = t
		}
	}
	for _, n := range []*html.Node{p.main, p.body} {
		if best != "" {
			break
		}
		if n != nil {
			best = nodeText(n)
		}
	}
	return best
}

// jsonLDDate returns the first "datePublished" in a JSON-LD block.
func jsonLDDate(src string) string {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return ""
	}
	// Breadth-first without recursion: JSON-LD may nest deeply.
	queue := []any{v}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		switch x := x.(type) {
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok && strings.TrimSpace(d) != "" {
				return d
			}
			for _, k := range slices.Sorted(maps.Keys(x)) {
				queue = append(queue, x[k])
			}
		case []any:
			queue = append(queue, x...)
		}
	}
	return ""
}

// attr returns the value of n's attribute key ("" when absent).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasToken reports whether the space-separated list holds tok, ignoring case.
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// walk visits the subtree of root in document order without recursion, so
// that deeply nested input cannot exhaust the stack. enter returns false to
// skip a node's children; leave, when not nil, is called after the
// children of every entered node.
func walk(root *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	n := root
	for {
		if enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			if leave != nil {
				leave(n)
			}
			if n == root {
				return
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
}

// innerText returns the text of n's subtree as it is, with no layout.
func innerText(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	}, nil)
	return b.String()
}

// skipped are the elements whose content is not article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Footer: true, atom.Header: true,
	atom.Aside: true, atom.Form: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Head: true,
	atom.Title: true, atom.Audio: true, atom.Video: true, atom.Picture: true, atom.Dialog: true,
}

// skippedRoles are ARIA landmark roles of boilerplate.
var skippedRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
	"menu": true, "menubar": true, "dialog": true, "alert": true,
}

// blocks are the elements that start and end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Body: true, atom.Caption: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Hgroup: true,
	atom.Hr: true, atom.Html: true, atom.Legend: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true,
	atom.Thead: true, atom.Tr: true, atom.Ul: true,
}

// boilerplate reports whether element n holds no article text.
func boilerplate(n *html.Node) bool {
	if skipped[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "role":
			if skippedRoles[strings.ToLower(strings.TrimSpace(a.Val))] {
				return true
			}
		case "style":
			if st := strings.ToLower(strings.Join(strings.Fields(a.Val), "")); strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// nodeText lays out the text of n's subtree: paragraphs separated by
// "\n\n", <br> as "\n", white space collapsed, boilerplate left out.
func nodeText(n *html.Node) string {
	var w textWriter
	walk(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			w.write(c.Data)
		case html.ElementNode:
			if boilerplate(c) {
				w.breakAt(2) // what was on either side is not one sentence
				return false
			}
			switch {
			case c.DataAtom == atom.Br:
				w.breakAt(1)
			case c.DataAtom == atom.Pre:
				w.pre++
				w.breakAt(2)
			case blocks[c.DataAtom]:
				w.breakAt(2)
			case c.DataAtom == atom.Img:
				w.space = true
			}
		}
		return true
	}, func(c *html.Node) {
		if c.Type == html.ElementNode && !boilerplate(c) {
			if c.DataAtom == atom.Pre {
				w.pre--
			}
			if blocks[c.DataAtom] || c.DataAtom == atom.Pre {
				w.breakAt(2)
			}
		}
	})
	return w.b.String()
}

// textWriter writes text with white space collapsed and breaks between
// paragraphs; pending space and breaks are written before the next
// visible character only, so the text has no space at either end.
type textWriter struct {
	b     strings.Builder
	space bool
	brk   int // pending break: 1 line, 2 paragraph
	pre   int // depth inside <pre>, where newlines are kept
}

func (w *textWriter) breakAt(n int) { w.brk = max(w.brk, n) }

func (w *textWriter) write(s string) {
	for _, r := range s {
		switch {
		case r == '\n' && w.pre > 0:
			w.breakAt(1)
			continue
		case unicode.IsSpace(r):
			w.space = true
			continue
		case r == 0:
			continue
		}
		if w.b.Len() > 0 {
			switch {
			case w.brk == 2:
				w.b.WriteString("\n\n")
			case w.brk == 1:
				w.b.WriteByte('\n')
			case w.space:
				w.b.WriteByte(' ')
			}
		}
		w.brk, w.space = 0, false
		w.b.WriteRune(r)
	}
}
