package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parley-events/parley"
)

// readJSONL reads one article per line, line by line, so that a file may
// be longer than the size limit but no line may.
func (s *sink) readJSONL(br *bufio.Reader) error {
	var (
		offset int64 // of the line in the input
		buf    []byte
	)
	for n := 1; ; n++ {
		line, size, err := readLine(br, buf[:0], s.r.max)
		buf = line
		if err != nil && err != io.EOF {
			s.fail(n, fmt.Errorf("cannot read: %w", err))
			return nil
		}
		start := offset
		offset += size
		if size == 0 && err == io.EOF {
			return nil
		}
		length := size // without the "\n"
		if err == nil {
			length--
		}
		if n == 1 && bytes.HasPrefix(line, utf8BOM) {
			line, start = line[len(utf8BOM):], start+int64(len(utf8BOM))
		}
		switch {
		case length > s.r.max:
			s.fail(n, fmt.Errorf("line is over the %d-byte limit (--max-bytes)", s.r.max))
		case len(bytes.TrimSpace(line)) == 0:
		case s.checkUTF8(line, start, n):
			a, rerr := s.record(line, n)
			if rerr != nil {
				s.fail(n, rerr)
				break
			}
			if yerr := s.emit(a); yerr != nil {
				return yerr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine appends the next line of br to buf, with its "\n", keeping no
// more than max+1 bytes of it. It returns the bytes kept, the full length of
// the line, and io.EOF at the end of the input.
func readLine(br *bufio.Reader, buf []byte, max int64) ([]byte, int64, error) {
	var size int64
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if room := max + 1 - int64(len(buf)); room > 0 {
			buf = append(buf, chunk[:min(int64(len(chunk)), room)]...)
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return buf, size, nil
		default:
			return buf, size, err
		}
	}
}

// readJSONArray reads a JSON array of article objects.
func (s *sink) readJSONArray(data []byte) error {
	skipped := int64(0)
	if bytes.HasPrefix(data, utf8BOM) {
		data, skipped = data[len(utf8BOM):], int64(len(utf8BOM))
	}
	if !s.checkUTF8(data, skipped, 1) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:min(off, int64(len(data)))], []byte{'\n'}) }
	if _, err := dec.Token(); err != nil { // "[", checked by the sniffer
		s.fail(lineAt(dec.InputOffset()), fmt.Errorf("not JSON: %w", err))
		return nil
	}
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			s.fail(lineAt(dec.InputOffset()), fmt.Errorf("not JSON: %w", err))
			return nil
		}
		// The offset after the value; its start line is that minus its own lines.
		n := lineAt(dec.InputOffset()) - bytes.Count(raw, []byte{'\n'})
		a, err := s.record(raw, n)
		if err != nil {
			s.fail(n, err)
			continue
		}
		if err := s.emit(a); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		s.fail(lineAt(dec.InputOffset()), fmt.Errorf("not JSON: %w", err))
	}
	return nil
}

// record reads the JSON object of one article, found on line n.
func (s *sink) record(line []byte, n int) (parley.Article, error) {
	line = bytes.TrimSpace(line)
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return parley.Article{}, fmt.Errorf("line is not a JSON object but %s", te.Value)
		}
		return parley.Article{}, fmt.Errorf("line is not JSON: %w", err)
	}
	if fields == nil {
		return parley.Article{}, errors.New("line is not a JSON object but null")
	}
	a := parley.Article{Origin: s.origin(n)}
	var err error
	take := func(key string) string {
		raw, ok := fields[key]
		if !ok {
			return ""
		}
		delete(fields, key)
		v, ferr := jsonString(key, raw, key == "id")
		if ferr != nil && err == nil {
			err = ferr
		}
		return v
	}
	a.Doc = take("id")
	a.URL = strings.TrimSpace(take("url"))
	a.Title = collapseSpace(take("title"))
	a.Source = strings.TrimSpace(take("source"))
	a.Text = take("text")
	published, field := "", ""
	for _, key := range []string{"published", "published_at", "date"} {
		if _, ok := fields[key]; ok {
			published, field = take(key), key
			break
		}
	}
	if err != nil {
		return parley.Article{}, err
	}
	if strings.TrimSpace(a.Text) == "" {
		return parley.Article{}, errors.New(`no "text" field`)
	}
	if a.Doc == "" {
		a.Doc = fmt.Sprintf("%s:%d", s.base(), n)
	}
	if published = strings.TrimSpace(published); published != "" {
		t, ok := parseDate(published)
		if !ok {
			return parley.Article{}, errDate(field, published)
		}
		a.Published = t
	}
	if len(fields) > 0 {
		a.Meta = make(map[string]string, len(fields))
		for k, raw := range fields {
			if string(bytes.TrimSpace(raw)) == "null" {
				continue // null is no value
			}
			if v, err := jsonString(k, raw, false); err == nil {
				a.Meta[k] = v
				continue
			}
			var b bytes.Buffer
			if err := json.Compact(&b, raw); err != nil {
				return parley.Article{}, fmt.Errorf("field %q: %w", k, err)
			}
			a.Meta[k] = b.String()
		}
		if len(a.Meta) == 0 {
			a.Meta = nil
		}
	}
	return a, nil
}

// jsonString returns the string value of a field ("" for null); number
// says a number is taken as written.
func jsonString(key string, raw json.RawMessage, number bool) (string, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", nil
	case raw[0] == '"':
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			return "", fmt.Errorf("field %q: %w", key, err)
		}
		return v, nil
	case number && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9'):
		return string(raw), nil
	}
	return "", fmt.Errorf("field %q is not a string: %.40s", key, raw)
}
