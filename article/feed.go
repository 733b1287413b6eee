package article

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/parley-events/parley"
)

// Namespaces whose elements share a local name with the ones read.
const (
	nsMediaRSS = "http://search.yahoo.com/mrss/"
)

// feedItem is an RSS item or Atom entry as read, before it becomes an article.
type feedItem struct {
	line int

	title, link, guid, source string
	texts                     [4]string // content:encoded, content, description, summary
	dateField, date           string
	author                    string
	categories                []string
}

// Ranks of the texts of an item, best first.
const (
	textEncoded = iota
	textContent
	textDescription
	textSummary
)

// xmlField is a child element of an item.
type xmlField struct {
	Type  string `xml:"type,attr"`
	Href  string `xml:"href,attr"`
	Rel   string `xml:"rel,attr"`
	Term  string `xml:"term,attr"`
	Name  string `xml:"name"`
	Text  string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

// text returns the field's text, laid out from HTML when it holds markup.
func (f *xmlField) text() string {
	switch strings.ToLower(f.Type) {
	case "xhtml", "application/xhtml+xml":
		return htmlText(f.Inner)
	case "html", "text/html":
		return htmlText(f.Text)
	}
	if strings.ContainsAny(f.Text, "<&") {
		return htmlText(f.Text)
	}
	return strings.TrimSpace(f.Text)
}

var xmlEncoding = regexp.MustCompile(`^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']`)

// readFeed reads an RSS 2.0, RSS 1.0 or Atom feed: one article per item.
func (s *sink) readFeed(data []byte) error {
	skipped := int64(0)
	if bytes.HasPrefix(data, utf8BOM) {
		data, skipped = data[len(utf8BOM):], int64(len(utf8BOM))
	}
	enc := "utf-8"
	if m := xmlEncoding.FindSubmatch(bytes.TrimLeft(data, " \t\r\n")); m != nil {
		enc = strings.ToLower(string(m[1]))
	}
	if (enc == "utf-8" || enc == "utf8" || enc == "us-ascii") && !s.checkUTF8(data, skipped, 1) {
		return nil
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity // &nbsp; and friends are common in feeds
	dec.CharsetReader = charset.NewReaderLabel

	var (
		root, feedTitle string
		items           []feedItem
		stack           []string // local names of the open elements
		fatal           *Error
	)
	for fatal == nil {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			fatal = s.xmlError(dec, err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = t.Name.Local
				switch root {
				case "rss", "feed", "RDF":
				case "html":
					return s.readHTML(data)
				default:
					s.fail(0, fmt.Errorf("XML is not an RSS or Atom feed (root element <%s>)", root))
					return nil
				}
			}
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			switch {
			case t.Name.Local == "item" || t.Name.Local == "entry":
				line, _ := dec.InputPos()
				it, err := readItem(dec, t)
				if err != nil {
					fatal = s.xmlError(dec, err)
					break
				}
				it.line = line
				items = append(items, it)
			case t.Name.Local == "title" && feedTitle == "" && (parent == "channel" || parent == "feed"):
				var f xmlField
				if err := dec.DecodeElement(&f, &t); err != nil {
					fatal = s.xmlError(dec, err)
					break
				}
				feedTitle = collapseSpace(f.text())
			default:
				stack = append(stack, t.Name.Local)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if fatal == nil && root == "" {
		fatal = &Error{Path: s.name, Err: errors.New("feed is not well-formed XML: no root element")}
	}
	if fatal == nil && len(items) == 0 {
		fatal = &Error{Path: s.name, Err: errors.New("feed has no items")}
	}
	// The items before a syntax error are good: pass them on, then report.
	source := first(s.r.opt.Source, feedTitle)
	for _, it := range items {
		a, err := s.itemArticle(&it, source)
		if err != nil {
			s.fail(it.line, err)
			continue
		}
		if err := s.emit(a); err != nil {
			return err
		}
	}
	if fatal != nil {
		s.report(fatal)
	}
	return nil
}

// xmlError turns a decoding error into a report with its line.
func (s *sink) xmlError(dec *xml.Decoder, err error) *Error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &Error{Path: s.name, Line: se.Line, Err: fmt.Errorf("feed is not well-formed XML: %s", se.Msg)}
	}
	line, _ := dec.InputPos()
	return &Error{Path: s.name, Line: line, Err: fmt.Errorf("feed is not well-formed XML: %w", err)}
}

// readItem reads the children of an item or entry up to its end.
func readItem(dec *xml.Decoder, start xml.StartElement) (feedItem, error) {
	var it feedItem
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return it, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return it, nil
		case xml.StartElement:
			var f xmlField
			if err := dec.DecodeElement(&f, &t); err != nil {
				return it, err
			}
			it.add(t.Name, &f)
		}
	}
}

// add records a child element of the item.
func (it *feedItem) add(name xml.Name, f *xmlField) {
	if name.Space == nsMediaRSS {
		return
	}
	setText := func(i int) {
		if it.texts[i] == "" {
			it.texts[i] = f.text()
		}
	}
	switch name.Local {
	case "title":
		if it.title == "" {
			it.title = collapseSpace(f.text())
		}
	case "link":
		switch {
		case f.Href != "":
			if it.link == "" && (f.Rel == "" || f.Rel == "alternate") {
				it.link = strings.TrimSpace(f.Href)
			}
		case it.link == "":
			it.link = strings.TrimSpace(f.Text)
		}
	case "guid", "id":
		if it.guid == "" {
			it.guid = strings.TrimSpace(f.Text)
		}
	case "encoded":
		setText(textEncoded)
	case "content":
		setText(textContent)
	case "description":
		setText(textDescription)
	case "summary":
		setText(textSummary)
	case "pubDate", "date", "published", "issued", "updated", "modified":
		// Publication dates before modification dates.
		if it.date == "" || (it.dateField == "updated" || it.dateField == "modified") && name.Local != "updated" && name.Local != "modified" {
			if v := strings.TrimSpace(f.Text); v != "" {
				it.dateField, it.date = prefixed(name), v
			}
		}
	case "author", "creator":
		if it.author == "" {
			it.author = collapseSpace(first(f.Name, f.Text))
		}
	case "category", "subject":
		if c := collapseSpace(first(f.Term, f.Text)); c != "" {
			it.categories = append(it.categories, c)
		}
	case "source":
		if it.source == "" {
			it.source = collapseSpace(f.Text)
		}
	}
}

// prefixed names a date element for messages: "dc:date" for Dublin Core.
func prefixed(name xml.Name) string {
	if name.Local == "date" {
		return "dc:date"
	}
	return name.Local
}

// itemArticle makes the article of an item; source is the fallback source.
func (s *sink) itemArticle(it *feedItem, source string) (parley.Article, error) {
	text := ""
	for _, t := range it.texts {
		if t != "" {
			text = t
			break
		}
	}
	if text == "" {
		return parley.Article{}, errors.New("item has no text")
	}
	a := parley.Article{
		Doc:    first(it.guid, it.link, fmt.Sprintf("%s:%d", s.base(), it.line)),
		URL:    it.link,
		Title:  it.title,
		Source: first(it.source, source),
		Text:   text,
		Origin: s.origin(it.line),
	}
	if a.URL == "" && (strings.HasPrefix(it.guid, "http://") || strings.HasPrefix(it.guid, "https://")) {
		a.URL = it.guid
	}
	if it.date != "" {
		t, ok := parseDate(it.date)
		if !ok {
			return parley.Article{}, errDate(it.dateField, it.date)
		}
		a.Published = t
	}
	if it.author != "" || len(it.categories) > 0 {
		a.Meta = map[string]string{}
		if it.author != "" {
			a.Meta["author"] = it.author
		}
		if len(it.categories) > 0 {
			b, _ := json.Marshal(it.categories) // a []string always marshals
			a.Meta["category"] = string(b)
		}
	}
	return a, nil
}
