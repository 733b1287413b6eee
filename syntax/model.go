// Package syntax holds parley's part-of-speech tagger and dependency
// parser: an averaged-perceptron tagger of universal (UPOS) and Penn (XPOS)
// tags and a greedy arc-hybrid parser with Universal Dependencies
// relations, both trained on the UD English Web Treebank (see Train) and
// loaded from a weights file (see Load and Default).
package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"

	"github.com/parley-events/parley"

	"github.com/parley-events/parley/data"
)

// Word is one token's analysis.
type Word struct {
	// Tag is the universal part-of-speech tag (UPOS): NOUN, VERB, PROPN...
	Tag string
	// XPOS is the Penn Treebank tag: NN, VBD, VBN...
	XPOS string
	// Head is the index of the head word in the sentence, -1 for the root.
	Head int
	// Rel is the Universal Dependencies relation to the head: nsubj, obj,
	// obl:agent, nsubj:pass, root...
	Rel string
}

// FileName is the name of the weights file inside the file system given
// to Load.
const FileName = "model.gz"

// Version is the weights format version; Load refuses other versions.
// Version 4 has the file layout of 3 with fewer parser features.
const Version = 4

const magic = "parley-syntax\n"

// Header describes a weights file: how it was trained and what it holds.
type Header struct {
	Version int         `json:"version"`
	Config  TrainConfig `json:"config"`
	// ConfigSHA256 is the SHA-256 of the JSON encoding of Config.
	ConfigSHA256 string `json:"config_sha256"`
	// DataSHA256 is the SHA-256 of the training sentences (words, tags,
	// heads and relations, in order).
	DataSHA256 string `json:"data_sha256"`
	Sentences  int    `json:"sentences"`
	Words      int    `json:"words"`
	// UPOS and XPOS name the tagger's classes, one pair a class.
	UPOS []string `json:"upos"`
	XPOS []string `json:"xpos"`
	// Rels are the dependency relations.
	Rels []string `json:"rels"`
	// DictWords is the number of words in the tag dictionary, of which
	// TagSetWords have more than one class (the tagger chooses among them)
	// and the others one (the tagger is not consulted).
	DictWords   int `json:"dict_words"`
	TagSetWords int `json:"tag_set_words"`
	// RelSets is the number of pairs of head and dependent tag classes
	// (and direction) whose arcs are labelled among the relations seen
	// with them in training.
	RelSets int `json:"rel_sets"`
	// The Rows fields count the non-empty rows of each weight table.
	TagRows   int `json:"tag_rows"`
	MoveRows  int `json:"move_rows"`
	LabelRows int `json:"label_rows"`
}

// Model is a trained tagger and parser. It is immutable after Load or
// Train and safe for concurrent use.
type Model struct {
	hdr      Header
	dict     *wordDict // normalized word hash → start<<8 | count in dictClasses
	dictList []dictEntry
	// dictClasses holds the tag classes of the dictionary words, flat.
	dictClasses []uint8
	// finite and verbish mark the finite verb classes, and those with
	// the auxiliaries (see repairVerb); finites lists the first.
	verbish, finite []bool
	finites         []int32
	// relSets holds for each key relKey(head tag, dependent tag, direction)
	// the relations seen in training, none when any may be chosen.
	relSets classSets
	tagger  *table
	mover   *table
	labeler *table
	root    int32 // class of the "root" relation
	pool    sync.Pool
}

// dictEntry is a word of the tag dictionary with its classes, in
// increasing order: one class fixes the word's tag, several restrict the
// tagger's choice.
type dictEntry struct {
	Word    string
	Classes []uint8
}

// relKey returns the key of relSets for an arc between a head and a
// dependent of the given tag classes; dir is 1 when the dependent follows
// the head.
func relKey(nTag int, th, td uint64, dir int) int {
	return (int(th)*nTag+int(td))*2 + dir
}

// scratch is the per-call working memory, pooled in the Model.
type scratch struct {
	buf    []byte
	lx     []lex
	dict   []int32 // each word's entry in Model.dict, -1 for none
	tags   []int32
	repair []verbGap
	feats  []uint64
	scores []int32
	st     pstate
}

func (m *Model) scratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return new(scratch)
}

// Header returns the description of the model's weights.
func (m *Model) Header() Header { return m.hdr }

// Default loads the weights embedded in parley (data.Syntax).
func Default() (*Model, error) {
	sub, err := fs.Sub(data.Syntax, "syntax")
	if err != nil {
		return nil, fmt.Errorf("syntax: %w", err)
	}
	return Load(sub)
}

// Load reads the weights file FileName from fsys.
func Load(fsys fs.FS) (*Model, error) {
	f, err := fsys.Open(FileName)
	if err != nil {
		return nil, fmt.Errorf("syntax: %w", err)
	}
	defer f.Close()
	m, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("syntax: %s: %w", FileName, err)
	}
	return m, nil
}

func read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("not a parley syntax model (starts %q)", head)
	}
	line, err := br.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("reading header: %w", noEOF(err))
	}
	m := &Model{}
	if err := json.Unmarshal(line, &m.hdr); err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	h := &m.hdr
	if h.Version != Version {
		return nil, fmt.Errorf("format version %d, want %d", h.Version, Version)
	}
	if len(h.UPOS) == 0 || len(h.UPOS) != len(h.XPOS) || len(h.UPOS) > 256 {
		return nil, fmt.Errorf("header has %d UPOS and %d XPOS classes, want as many, 1 to 256", len(h.UPOS), len(h.XPOS))
	}
	if len(h.Rels) > 256 {
		return nil, fmt.Errorf("header has %d relations, want at most 256", len(h.Rels))
	}
	m.root = -1
	for i, r := range h.Rels {
		if r == "root" {
			m.root = int32(i)
		}
	}
	if m.root < 0 {
		return nil, errors.New("header lists no root relation")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<20 {
		return nil, fmt.Errorf("dictionary size %d: %v", n, err)
	}
	m.dictList = make([]dictEntry, n)
	for i := range m.dictList {
		size, err := binary.ReadUvarint(br)
		if err != nil || size > 256 {
			return nil, fmt.Errorf("dictionary word %d: bad length %d (%v)", i, size, err)
		}
		w := make([]byte, size)
		if _, err := io.ReadFull(br, w); err != nil {
			return nil, fmt.Errorf("dictionary word %d: %w", i, noEOF(err))
		}
		k, err := binary.ReadUvarint(br)
		if err != nil || k == 0 || k > uint64(len(h.UPOS)) {
			return nil, fmt.Errorf("dictionary word %q: bad class count %d (%v)", w, k, err)
		}
		cs := make([]uint8, k)
		for j := range cs {
			c, err := binary.ReadUvarint(br)
			if err != nil || c >= uint64(len(h.UPOS)) || (j > 0 && c <= uint64(cs[j-1])) {
				return nil, fmt.Errorf("dictionary word %q: bad class %d (%v)", w, c, err)
			}
			cs[j] = uint8(c)
		}
		m.dictList[i] = dictEntry{string(w), cs}
	}
	nTag := len(h.UPOS)
	if m.relSets, err = readClassSets(br, relKey(nTag, uint64(nTag), 0, 0), len(h.Rels)); err != nil {
		return nil, fmt.Errorf("relation sets: %w", err)
	}
	for _, t := range []struct {
		name   string
		dst    **table
		nClass int
	}{
		{"tagger", &m.tagger, len(h.UPOS)},
		{"move", &m.mover, nMoves},
		{"label", &m.labeler, len(h.Rels)},
	} {
		tab, err := readTable(br)
		if err != nil {
			return nil, fmt.Errorf("%s table: %w", t.name, err)
		}
		if tab.nClass != t.nClass {
			return nil, fmt.Errorf("%s table has %d classes, want %d", t.name, tab.nClass, t.nClass)
		}
		*t.dst = tab
	}
	// Reading to the end makes gzip check its checksum.
	if b, err := br.ReadByte(); err != io.EOF {
		if err == nil {
			return nil, fmt.Errorf("trailing data after the tables (byte %#x)", b)
		}
		return nil, err
	}
	m.buildDict()
	return m, nil
}

// buildClasses marks the finite verbs (finite: VERB with a past or
// present Penn tag) and the classes that make a clause finite (verbish:
// those and the auxiliaries).
func (m *Model) buildClasses() {
	m.verbish = make([]bool, len(m.hdr.UPOS))
	m.finite = make([]bool, len(m.hdr.UPOS))
	m.finites = nil
	for c, u := range m.hdr.UPOS {
		x := m.hdr.XPOS[c]
		m.finite[c] = u == "VERB" && (x == "VBD" || x == "VBP" || x == "VBZ")
		m.verbish[c] = m.finite[c] || u == "AUX"
		if m.finite[c] {
			m.finites = append(m.finites, int32(c))
		}
	}
}

func (m *Model) buildDict() {
	m.dict = newWordDict(len(m.dictList))
	m.dictClasses = m.dictClasses[:0]
	var buf []byte
	for _, e := range m.dictList {
		buf = appendNorm(buf[:0], e.Word)
		m.dict.put(hashBytes(buf), int32(len(m.dictClasses))<<8|int32(len(e.Classes)))
		m.dictClasses = append(m.dictClasses, e.Classes...)
	}
	m.buildClasses()
}

// Write stores the model in the weights format Load reads.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	hj, err := json.Marshal(m.hdr)
	if err != nil {
		return err
	}
	bw.Write(hj)
	bw.WriteByte('\n')
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	put(uint64(len(m.dictList)))
	for _, e := range m.dictList {
		put(uint64(len(e.Word)))
		bw.WriteString(e.Word)
		put(uint64(len(e.Classes)))
		for _, c := range e.Classes {
			put(uint64(c))
		}
	}
	m.relSets.write(bw)
	for _, t := range []*table{m.tagger, m.mover, m.labeler} {
		if err := t.write(bw); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// configSHA256 returns the checksum recorded in Header.ConfigSHA256.
func configSHA256(c TrainConfig) string {
	b, _ := json.Marshal(c)
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// Check reports whether the header is consistent: its version and
// the checksum of its training configuration.
func (h Header) Check() error {
	if h.Version != Version {
		return fmt.Errorf("version %d, want %d", h.Version, Version)
	}
	if got := configSHA256(h.Config); got != h.ConfigSHA256 {
		return fmt.Errorf("config checksum %s, header says %s", got, h.ConfigSHA256)
	}
	return nil
}

// lexify fills s.lx with the padded lexical hashes of words.
func (s *scratch) lexify(words []string) {
	n := len(words)
	s.lx = grow(s.lx, n+4)
	s.lx[0], s.lx[1] = padLex(hashStart), padLex(hashStart+1)
	for i, w := range words {
		s.lx[i+2], s.buf = lexOf(w, s.buf)
	}
	s.lx[n+2], s.lx[n+3] = padLex(hashEnd), padLex(hashEnd+1)
}

// lexify fills s.lx with the padded lexical hashes of words, as
// scratch.lexify does, and s.dict with their entries in the dictionary. Of
// a word the dictionary tags alone it computes only the hashes the
// features of other words read (see lex.fill).
func (m *Model) lexify(s *scratch, words []string) {
	n := len(words)
	s.lx = grow(s.lx, n+4)
	s.dict = grow(s.dict, n)
	s.lx[0], s.lx[1] = padLex(hashStart), padLex(hashStart+1)
	for i, w := range words {
		s.buf = appendNorm(s.buf[:0], w)
		l := &s.lx[i+2]
		l.word = hashBytes(s.buf)
		v, ok := m.dict.get(l.word)
		if !ok {
			v = -1
		}
		s.dict[i] = v
		s.buf = l.fill(s.buf, w, v&0xff != 1)
	}
	s.lx[n+2], s.lx[n+3] = padLex(hashEnd), padLex(hashEnd+1)
}

// lookUp fills s.dict with the dictionary entries of the n words in s.lx
// (for lexical hashes computed by scratch.lexify).
func (m *Model) lookUp(s *scratch, n int) {
	s.dict = grow(s.dict, n)
	for i := range n {
		v, ok := m.dict.get(s.lx[i+2].word)
		if !ok {
			v = -1
		}
		s.dict[i] = v
	}
}

// tag fills s.tags with the tag classes of the n words in s.lx, whose
// dictionary entries are in s.dict.
func (m *Model) tag(s *scratch, n int) {
	s.tags = grow(s.tags, n)
	s.repair = grow(s.repair, n)
	m.tagFrom(s, n, 0)
}

// tagFrom tags words from..n-1 of s, the tags before from being set. For
// every word it notes in s.repair the finite-verb class that scored
// closest to the chosen one (see repairVerb).
func (m *Model) tagFrom(s *scratch, n, from int) {
	t := m.tagger
	track := len(m.verbish) == t.nClass
	p1 := previous(s.tags, from)
	for i := from; i < n; i++ {
		var c int32
		cands := m.dictClasses[:0]
		if v := s.dict[i]; v >= 0 {
			cands = m.dictClasses[v>>8 : v>>8+v&0xff]
		}
		s.repair[i] = verbGap{class: -1}
		switch {
		case len(cands) == 1:
			c = int32(cands[0])
		case len(cands) > 1:
			s.feats = tagFeatures(s.feats[:0], s.lx, i, p1)
			s.scores = t.score(s.feats, s.scores)
			c = argmaxOf(s.scores, cands)
			if track {
				for _, k := range cands {
					if m.finite[k] {
						s.repair[i].consider(s.scores, c, int32(k))
					}
				}
			}
		default:
			s.feats = tagFeatures(s.feats[:0], s.lx, i, p1)
			s.scores = t.score(s.feats, s.scores)
			c = argmax(s.scores)
			if track {
				for _, k := range m.finites {
					s.repair[i].consider(s.scores, c, k)
				}
			}
		}
		s.tags[i] = c
		p1 = uint64(c)
	}
}

// verbGap is a word's finite-verb class that scored closest to the class
// chosen for it, and by how much less; class is -1 when it has none.
type verbGap struct {
	class, gap int32
}

// consider takes finite-verb class k into account, given the scores and
// the chosen class c; of equal gaps the first is kept.
func (g *verbGap) consider(scores []int32, c, k int32) {
	if gap := scores[c] - scores[k]; g.class < 0 || gap < g.gap {
		*g = verbGap{k, gap}
	}
}

// previous returns the tag feature of the word before word i.
func previous(tags []int32, i int) uint64 {
	if i == 0 {
		return tagStart
	}
	return uint64(tags[i-1])
}

// declarative reports a sentence that should have a finite verb: eight
// words or more ending with a full stop. (On the EWT test file, whose web
// text has many verbless fragments, the repair costs 0.1 point of UPOS; in
// news a long sentence without a finite verb is a tagging error.)
func declarative(words []string) bool {
	return len(words) >= 8 && words[len(words)-1] == "."
}

// repairVerb gives a declarative sentence the greedy tagger left without a
// verb one: the word whose best finite-verb reading scores closest to its
// chosen tag becomes that verb, and the words after it are tagged again
// ("Some Syrians view talks with Moscow as a necessity." reads "view" as a
// noun otherwise). The readings were noted while tagging.
func (m *Model) repairVerb(s *scratch, n int) {
	if len(m.verbish) != m.tagger.nClass {
		return
	}
	for _, c := range s.tags[:n] {
		if m.verbish[c] {
			return
		}
	}
	best := -1
	for i, g := range s.repair[:n] {
		if g.class >= 0 && (best < 0 || g.gap < s.repair[best].gap) {
			best = i
		}
	}
	if best < 0 {
		return
	}
	s.tags[best] = s.repair[best].class
	m.tagFrom(s, n, best+1)
}

// parse runs the parser over the tagged words in s.
func (m *Model) parse(s *scratch) {
	st := &s.st
	st.reset(s.lx[2:], s.tags)
	for !st.done() {
		// A sixth of the moves are the only valid one (the first SHIFT,
		// and all moves once the buffer holds only the root): those are
		// not scored.
		v := st.valid()
		move := only(v)
		if move < 0 {
			s.feats = st.moveFeatures(s.feats[:0])
			scores := m.mover.score3(s.feats)
			move = bestValid(scores[:], v)
		}
		var rel int32
		if move != shift {
			h, d := st.arc(move)
			rel = m.label(s, h, d)
		}
		st.apply(move, rel)
	}
}

// label chooses the relation of the arc h → d.
func (m *Model) label(s *scratch, h, d int32) int32 {
	st := &s.st
	if h == st.n {
		return m.root
	}
	dir := 0
	if d > h {
		dir = 1
	}
	switch cands := m.relSets.get(relKey(len(m.hdr.UPOS), st.pt[h], st.pt[d], dir)); len(cands) {
	case 0:
	case 1:
		return int32(cands[0])
	default:
		s.feats = st.labelFeatures(s.feats[:0], h, d)
		s.scores = m.labeler.scoreSome(s.feats, cands, s.scores)
		return argmaxOf(s.scores, cands)
	}
	s.feats = st.labelFeatures(s.feats[:0], h, d)
	s.scores = m.labeler.score(s.feats, s.scores)
	best, bi := int32(0), int32(-1)
	for i, v := range s.scores {
		if int32(i) != m.root && (bi < 0 || v > best) {
			best, bi = v, int32(i)
		}
	}
	return bi
}

func argmax(scores []int32) int32 {
	bi := 0
	for i, v := range scores {
		if v > scores[bi] {
			bi = i
		}
	}
	return int32(bi)
}

// argmaxOf returns the class of classes with the highest score, the
// first of them on a tie.
func argmaxOf(scores []int32, classes []uint8) int32 {
	bc := classes[0]
	for _, c := range classes[1:] {
		if scores[c] > scores[bc] {
			bc = c
		}
	}
	return int32(bc)
}

// only returns the one valid move, or -1 when there are several.
func only(v [nMoves]bool) int {
	m := -1
	for i, ok := range v {
		if ok {
			if m >= 0 {
				return -1
			}
			m = i
		}
	}
	return m
}

func bestValid[S int32 | float32](scores []S, v [nMoves]bool) int {
	bi := -1
	for i := range nMoves {
		if v[i] && (bi < 0 || scores[i] > scores[bi]) {
			bi = i
		}
	}
	return bi
}

// Tag returns the universal part-of-speech tags of one sentence's words,
// given as their surface forms.
func (m *Model) Tag(words []string) []string {
	s := m.scratch()
	defer m.pool.Put(s)
	m.lexify(s, words)
	m.tag(s, len(words))
	out := make([]string, len(words))
	for i, c := range s.tags {
		out[i] = m.hdr.UPOS[c]
	}
	return out
}

// Parse tags and parses one sentence's words, given as their surface
// forms.
func (m *Model) Parse(words []string) []Word {
	return m.AppendParse(make([]Word, 0, len(words)), words)
}

// AppendParse is Parse writing into dst[:0], which it grows when needed
// and returns; with a dst of enough capacity it does not allocate.
func (m *Model) AppendParse(dst []Word, words []string) []Word {
	dst = dst[:0]
	m.analyse(words, func(tag, xpos string, head int, rel string) {
		dst = append(dst, Word{Tag: tag, XPOS: xpos, Head: head, Rel: rel})
	})
	return dst
}

// analyse tags and parses one sentence and calls emit for each word in
// order with its tags, head (-1 for the root) and relation.
func (m *Model) analyse(words []string, emit func(tag, xpos string, head int, rel string)) {
	if len(words) == 0 {
		return
	}
	s := m.scratch()
	defer m.pool.Put(s)
	m.lexify(s, words)
	m.tag(s, len(words))
	if declarative(words) {
		m.repairVerb(s, len(words))
	}
	m.parse(s)
	st := &s.st
	for i, c := range s.tags {
		h := int(st.heads[i])
		if h == len(words) {
			h = -1
		}
		emit(m.hdr.UPOS[c], m.hdr.XPOS[c], h, m.hdr.Rels[st.rels[i]])
	}
}

// AppendDeps is AppendParse in parley's own type: it appends to dst (reset
// to length 0) the syntax of each word of one sentence.
func (m *Model) AppendDeps(dst []parley.Dep, words []string) []parley.Dep {
	dst = dst[:0]
	m.analyse(words, func(tag, xpos string, head int, rel string) {
		dst = append(dst, parley.Dep{Tag: tag, XPOS: xpos, Head: head, Rel: rel})
	})
	return dst
}

// modelBytes encodes m (for tests and the training command).
func (m *Model) modelBytes() ([]byte, error) {
	var b bytes.Buffer
	err := m.Write(&b)
	return b.Bytes(), err
}
