package syntax

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

// TrainConfig sets how Train learns a model. Training is deterministic:
// the same configuration and sentences give the same weights.
type TrainConfig struct {
	// Seed fixes the shuffling of the sentences and the exploration of the
	// dynamic oracle.
	Seed uint64 `json:"seed"`
	// TagIters and ParseIters are the passes over the training sentences.
	TagIters   int `json:"tag_iters"`
	ParseIters int `json:"parse_iters"`
	// TagBits, MoveBits and LabelBits give each weight table 2^bits
	// buckets of hashed features. The move table takes 3 bytes a bucket,
	// read at random for every move: with the 30 move templates 2^20
	// (3 MB) scored UAS 0.15 and LAS 0.1 below 2^21 (6 MB), 2^19 (1.5 MB)
	// 0.3 and 0.3 below (dev and test averaged), and each halving parsed
	// 5 to 10% faster. The tag table stores only the rows with weights;
	// the label table, 64 bytes a bucket, all of them (2^15 buckets cost
	// 0.2 LAS).
	TagBits   uint `json:"tag_bits"`
	MoveBits  uint `json:"move_bits"`
	LabelBits uint `json:"label_bits"`
	// Folds is the number of jackknife folds used to give the parser
	// predicted tags during training; below 2 it trains on gold tags.
	Folds int `json:"folds"`
	// MinTagCount merges UPOS/XPOS pairs seen fewer times into the most
	// frequent pair with the same UPOS.
	MinTagCount int `json:"min_tag_count"`
	// DictMinCount and DictRatio select the words the tag dictionary
	// fixes: seen at least DictMinCount times, with one class at least
	// DictRatio of the time.
	DictMinCount int     `json:"dict_min_count"`
	DictRatio    float64 `json:"dict_ratio"`
	// TagSetMinCount: when positive, the other words seen at least that
	// many times are tagged among the classes they had in training only.
	// It is 0 in the shipped weights: the restriction is faster but
	// follows the treebank's domain ("resume" is only a noun in EWT), and
	// it cost 0.2 UPOS on dev.
	TagSetMinCount int `json:"tag_set_min_count"`
	// RelSetMinCount: arcs between a head and a dependent whose tag classes
	// (and direction) were seen together at least that many times are
	// labelled among the relations they had in training only; a
	// relation seen once with them counts.
	RelSetMinCount int `json:"rel_set_min_count"`
	// Explore is the probability, after the first parser pass, of following
	// the predicted move rather than the best zero-cost one.
	Explore float64 `json:"explore"`
	// TagFeatureMin, MoveFeatureMin and LabelFeatureMin: when above 1,
	// the features of a table seen fewer times in a first pass over the
	// training data (the gold tags, the oracle's transitions) are left
	// out, so that they get no weights; a bucket counts the features that
	// hash to it. The tag and label tables store only rows with weights,
	// so fewer rows take less memory.
	TagFeatureMin   int `json:"tag_feature_min"`
	MoveFeatureMin  int `json:"move_feature_min"`
	LabelFeatureMin int `json:"label_feature_min"`
}

// DefaultTrainConfig returns the configuration of parley's shipped
// weights.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{
		Seed:         1,
		TagIters:     6,
		ParseIters:   12,
		TagBits:      18,
		MoveBits:     20,
		LabelBits:    16,
		Folds:        4,
		MinTagCount:  10,
		DictMinCount: 20,
		DictRatio:    0.97,
		Explore:      0.9,

		TagSetMinCount:  0,
		RelSetMinCount:  5,
		LabelFeatureMin: 5,
	}
}

// trainSet is the training data in class form.
type trainSet struct {
	sents  []Sentence
	lx     [][]lex // padded lexical hashes per sentence
	norms  [][]string
	gold   [][]int32 // tag classes
	heads  [][]int32 // gold heads, the root as n and gold[n] = -2
	rels   [][]int32
	nClass int
}

// Train learns a tagger and parser from treebank sentences. Non-projective
// trees are used to train the tagger but skipped by the parser, whose
// transition system builds projective trees only. Progress goes to log
// when it is not nil.
func Train(cfg TrainConfig, sents []Sentence, log io.Writer) (*Model, error) {
	if len(sents) == 0 {
		return nil, errors.New("syntax: no training sentences")
	}
	if cfg.TagIters < 1 || cfg.ParseIters < 1 || cfg.TagBits < 8 || cfg.TagBits > 26 ||
		cfg.MoveBits < 8 || cfg.MoveBits > 26 || cfg.LabelBits < 8 || cfg.LabelBits > 26 {
		return nil, fmt.Errorf("syntax: bad training config %+v", cfg)
	}
	logf := func(format string, args ...any) {
		if log != nil {
			fmt.Fprintf(log, format+"\n", args...)
		}
	}
	m, ts, ptags, err := trainTags(cfg, sents, logf)
	if err != nil {
		return nil, err
	}
	if err := trainParser(cfg, m, ts, ptags, logf); err != nil {
		return nil, err
	}
	return m, nil
}

// trainTags starts a model from the training sentences: its classes and
// relations, the tagger and the tags the parser trains with, predicted by
// jackknifing.
func trainTags(cfg TrainConfig, sents []Sentence, logf func(string, ...any)) (*Model, *trainSet, [][]int32, error) {
	m := &Model{}
	h := &m.hdr
	h.Version = Version
	h.Config = cfg
	h.ConfigSHA256 = configSHA256(cfg)
	h.DataSHA256 = dataSHA256(sents)
	h.Sentences = len(sents)

	// Tag classes and relations.
	type pair struct{ u, x string }
	pairCount := map[pair]int{}
	relSet := map[string]bool{"root": true}
	for _, s := range sents {
		h.Words += len(s.Words)
		for i := range s.Words {
			pairCount[pair{s.UPOS[i], s.XPOS[i]}]++
			relSet[s.Rels[i]] = true
		}
	}
	pairs := make([]pair, 0, len(pairCount))
	for p := range pairCount {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if d := pairCount[b] - pairCount[a]; d != 0 {
			return d
		}
		if a.u != b.u {
			return cmpStr(a.u, b.u)
		}
		return cmpStr(a.x, b.x)
	})
	classOf := map[pair]int32{}
	bestOfU := map[string]int32{}
	for _, p := range pairs {
		_, seen := bestOfU[p.u]
		if pairCount[p] >= cfg.MinTagCount || !seen {
			c := int32(len(h.UPOS))
			h.UPOS = append(h.UPOS, p.u)
			h.XPOS = append(h.XPOS, p.x)
			classOf[p] = c
			if !seen {
				bestOfU[p.u] = c
			}
		}
	}
	for _, p := range pairs {
		if _, ok := classOf[p]; !ok {
			classOf[p] = bestOfU[p.u]
		}
	}
	for r := range relSet {
		h.Rels = append(h.Rels, r)
	}
	slices.Sort(h.Rels)
	relOf := map[string]int32{}
	for i, r := range h.Rels {
		relOf[r] = int32(i)
		if r == "root" {
			m.root = int32(i)
		}
	}

	if len(h.UPOS) > 256 || len(h.Rels) > 256 {
		return nil, nil, nil, fmt.Errorf("syntax: %d tag classes and %d relations, want at most 256 of each", len(h.UPOS), len(h.Rels))
	}
	ts := &trainSet{sents: sents, nClass: len(h.UPOS)}
	var sc scratch
	for _, s := range sents {
		n := len(s.Words)
		sc.lexify(s.Words)
		ts.lx = append(ts.lx, slices.Clone(sc.lx))
		norms := make([]string, n)
		gold := make([]int32, n)
		heads := make([]int32, n+1)
		rels := make([]int32, n)
		for i, w := range s.Words {
			norms[i] = string(appendNorm(nil, w))
			gold[i] = classOf[pair{s.UPOS[i], s.XPOS[i]}]
			heads[i] = int32(s.Heads[i])
			if heads[i] < 0 {
				heads[i] = int32(n)
			}
			rels[i] = relOf[s.Rels[i]]
		}
		heads[n] = -2
		ts.norms = append(ts.norms, norms)
		ts.gold = append(ts.gold, gold)
		ts.heads = append(ts.heads, heads)
		ts.rels = append(ts.rels, rels)
	}
	all := make([]int, len(sents))
	for i := range all {
		all[i] = i
	}

	// Tagger on all sentences.
	start := time.Now()
	var err error
	if m.tagger, m.dictList, err = trainTagger(cfg, ts, all, logf); err != nil {
		return nil, nil, nil, err
	}
	m.buildDict()
	h.DictWords = len(m.dictList)
	for _, e := range m.dictList {
		if len(e.Classes) > 1 {
			h.TagSetWords++
		}
	}
	h.TagRows = m.tagger.rows
	logf("tagger: %d classes, %d dictionary words (%d with several classes), %d rows, %s",
		ts.nClass, h.DictWords, h.TagSetWords, h.TagRows, time.Since(start).Round(time.Millisecond))

	// Predicted tags for the parser, by jackknifing.
	ptags := make([][]int32, len(sents))
	if cfg.Folds >= 2 {
		for k := range cfg.Folds {
			var in, out []int
			for _, i := range all {
				if i%cfg.Folds == k {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			t, dl, err := trainTagger(cfg, ts, in, nil)
			if err != nil {
				return nil, nil, nil, err
			}
			fm := &Model{tagger: t, dictList: dl}
			fm.buildDict()
			right, total := 0, 0
			for _, i := range out {
				sc.lx = ts.lx[i]
				fm.lookUp(&sc, len(ts.gold[i]))
				fm.tag(&sc, len(ts.gold[i]))
				ptags[i] = slices.Clone(sc.tags)
				for j, c := range ptags[i] {
					total++
					if c == ts.gold[i][j] {
						right++
					}
				}
			}
			logf("jackknife fold %d: %.2f%% tag classes right", k+1, 100*float64(right)/float64(total))
		}
	} else {
		copy(ptags, ts.gold)
	}
	return m, ts, ptags, nil
}

// trainParser trains the parser of m on the projective trees of ts, over
// the tags ptags.
func trainParser(cfg TrainConfig, m *Model, ts *trainSet, ptags [][]int32, logf func(string, ...any)) error {
	h := &m.hdr
	sents := ts.sents
	start := time.Now()
	var proj []int
	for i := range sents {
		if Projective(sents[i].Heads) {
			proj = append(proj, i)
		}
	}
	logf("parser: %d of %d trees projective", len(proj), len(sents))

	// Relation sets by tag classes and direction, from the gold arcs over
	// the tags the parser trains with.
	nTag := ts.nClass
	keys := relKey(nTag, uint64(nTag), 0, 0)
	arcCount := make([]int, keys)
	seen := make([][]bool, keys)
	for _, i := range proj {
		heads, tags := ts.heads[i], ptags[i]
		for d, hd := range heads[:len(tags)] {
			if int(hd) == len(tags) {
				continue
			}
			dir := 0
			if d > int(hd) {
				dir = 1
			}
			k := relKey(nTag, uint64(tags[hd]), uint64(tags[d]), dir)
			arcCount[k]++
			if seen[k] == nil {
				seen[k] = make([]bool, len(h.Rels))
			}
			seen[k][ts.rels[i][d]] = true
		}
	}
	member := make([][]uint8, keys)
	if cfg.RelSetMinCount > 0 {
		for k, sk := range seen {
			if arcCount[k] < cfg.RelSetMinCount {
				continue
			}
			for r, ok := range sk {
				if ok {
					member[k] = append(member[k], uint8(r))
				}
			}
		}
	}
	m.relSets = newClassSets(member)
	h.RelSets = m.relSets.sets()
	logf("parser: %d relation sets", h.RelSets)
	mover := newTrainTable(cfg.MoveBits, nMoves, cfg.MoveFeatureMin)
	labeler := newTrainTable(cfg.LabelBits, len(h.Rels), cfg.LabelFeatureMin)
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5eed))
	var (
		st     pstate
		feats  []uint64
		scores = make([]float32, max(nMoves, len(h.Rels)))
	)
	if mover.counting() || labeler.counting() {
		// The first zero-cost move at every step builds the gold tree.
		var zero [nMoves]float32
		for _, si := range proj {
			gold, grels := ts.heads[si], ts.rels[si]
			st.reset(ts.lx[si][2:], ptags[si])
			for !st.done() {
				if mover.counting() {
					mover.count(st.moveFeatures(feats[:0]))
				}
				zc, _ := st.zeroCost(gold)
				move := bestValid(zero[:], zc)
				var rel int32
				if move != shift {
					hd, d := st.arc(move)
					rel = grels[d]
					if labeler.counting() && hd != st.n && len(m.relSets.get(relKey(nTag, st.pt[hd], st.pt[d], arcDir(hd, d)))) != 1 {
						labeler.count(st.labelFeatures(feats[:0], hd, d))
					}
				}
				st.apply(move, rel)
			}
		}
	}
	for it := range cfg.ParseIters {
		rng.Shuffle(len(proj), func(a, b int) { proj[a], proj[b] = proj[b], proj[a] })
		moves, wrong, arcs, right := 0, 0, 0, 0
		for _, si := range proj {
			gold, grels := ts.heads[si], ts.rels[si]
			st.reset(ts.lx[si][2:], ptags[si])
			for !st.done() {
				feats = mover.keep(st.moveFeatures(feats[:0]))
				mover.score(feats, scores)
				v := st.valid()
				guess := bestValid(scores[:nMoves], v)
				zc, ok := st.zeroCost(gold)
				best := guess
				if ok {
					best = bestValid(scores[:nMoves], zc)
					if !zc[guess] {
						mover.update(feats, best, guess)
						wrong++
					}
				}
				mover.tick()
				moves++
				move := best
				if it > 0 && rng.Float64() < cfg.Explore {
					move = guess
				}
				var rel int32
				if move != shift {
					hd, d := st.arc(move)
					cands := m.relSets.get(relKey(nTag, st.pt[hd], st.pt[d], arcDir(hd, d)))
					switch {
					case hd == st.n:
						rel = m.root
					case len(cands) == 1:
						rel = int32(cands[0])
					default:
						feats = labeler.keep(st.labelFeatures(feats[:0], hd, d))
						if len(cands) > 1 {
							labeler.scoreSome(feats, cands, scores)
							rel = int32(cands[bestOf(scores[:len(cands)])])
						} else {
							labeler.score(feats, scores)
							rel = bestLabel(scores[:len(h.Rels)], m.root)
						}
						if gold[d] == hd {
							labeler.update(feats, int(grels[d]), int(rel))
							labeler.tick()
							arcs++
							if rel == grels[d] {
								right++
							}
						}
					}
				}
				st.apply(move, rel)
			}
		}
		logf("parser pass %d: %.2f%% moves costly, %.2f%% labels right, %s", it+1,
			100*float64(wrong)/float64(moves), 100*float64(right)/float64(max(arcs, 1)), time.Since(start).Round(time.Millisecond))
	}
	var err error
	if m.mover, err = mover.average(); err != nil {
		return fmt.Errorf("syntax: move table: %w", err)
	}
	if m.labeler, err = labeler.average(); err != nil {
		return fmt.Errorf("syntax: label table: %w", err)
	}
	h.MoveRows, h.LabelRows = m.mover.rows, m.labeler.rows
	return nil
}

// trainTagger trains the tagger on the sentences idx of ts.
func trainTagger(cfg TrainConfig, ts *trainSet, idx []int, logf func(string, ...any)) (*table, []dictEntry, error) {
	// The dictionary: frequent words with one dominant class, and the
	// classes of the other frequent words.
	counts := map[string][]int32{}
	for _, i := range idx {
		for j, w := range ts.norms[i] {
			c := counts[w]
			if c == nil {
				c = make([]int32, ts.nClass)
				counts[w] = c
			}
			c[ts.gold[i][j]]++
		}
	}
	var dl []dictEntry
	for w, c := range counts {
		total, best := int32(0), int32(0)
		for k, v := range c {
			total += v
			if v > c[best] {
				best = int32(k)
			}
		}
		switch {
		case int(total) >= cfg.DictMinCount && float64(c[best]) >= cfg.DictRatio*float64(total):
			dl = append(dl, dictEntry{w, []uint8{uint8(best)}})
		case cfg.TagSetMinCount > 0 && int(total) >= cfg.TagSetMinCount:
			var cs []uint8
			for k, v := range c {
				if v > 0 {
					cs = append(cs, uint8(k))
				}
			}
			dl = append(dl, dictEntry{w, cs})
		}
	}
	slices.SortFunc(dl, func(a, b dictEntry) int { return cmpStr(a.Word, b.Word) })
	dm := &Model{dictList: dl}
	dm.buildDict()

	tt := newTrainTable(cfg.TagBits, ts.nClass, cfg.TagFeatureMin)
	order := slices.Clone(idx)
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x7a99))
	var feats []uint64
	if tt.counting() {
		for _, i := range idx {
			lx, gold := ts.lx[i], ts.gold[i]
			for j := range gold {
				if v, ok := dm.dict.get(lx[j+2].word); !ok || v&0xff > 1 {
					tt.count(tagFeatures(feats[:0], lx, j, previous(gold, j)))
				}
			}
		}
	}
	scores := make([]float32, ts.nClass)
	for it := range cfg.TagIters {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		right, total := 0, 0
		for _, i := range order {
			lx, gold := ts.lx[i], ts.gold[i]
			p1 := uint64(tagStart)
			for j := range gold {
				var c int32
				v, ok := dm.dict.get(lx[j+2].word)
				cands := dm.dictClasses[:0]
				if ok {
					cands = dm.dictClasses[v>>8 : v>>8+v&0xff]
				}
				switch {
				case len(cands) == 1:
					c = int32(cands[0])
				case len(cands) > 1:
					feats = tt.keep(tagFeatures(feats[:0], lx, j, p1))
					tt.scoreSome(feats, cands, scores)
					c = int32(cands[bestOf(scores[:len(cands)])])
					tt.update(feats, int(gold[j]), int(c))
					tt.tick()
				default:
					feats = tt.keep(tagFeatures(feats[:0], lx, j, p1))
					tt.score(feats, scores)
					c = int32(bestOf(scores))
					tt.update(feats, int(gold[j]), int(c))
					tt.tick()
				}
				total++
				if c == gold[j] {
					right++
				}
				p1 = uint64(c)
			}
		}
		if logf != nil {
			logf("tagger pass %d: %.2f%% right", it+1, 100*float64(right)/float64(total))
		}
	}
	t, err := tt.average()
	if err != nil {
		return nil, nil, fmt.Errorf("syntax: tag table: %w", err)
	}
	return t, dl, nil
}

func bestOf(scores []float32) int {
	bi := 0
	for i, v := range scores {
		if v > scores[bi] {
			bi = i
		}
	}
	return bi
}

func bestLabel(scores []float32, root int32) int32 {
	bi := int32(-1)
	for i, v := range scores {
		if int32(i) != root && (bi < 0 || v > scores[bi]) {
			bi = int32(i)
		}
	}
	return bi
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// dataSHA256 returns the checksum recorded in Header.DataSHA256.
func dataSHA256(sents []Sentence) string {
	hs := sha256.New()
	var buf [binary.MaxVarintLen64]byte
	for _, s := range sents {
		for i := range s.Words {
			for _, f := range []string{s.Words[i], s.UPOS[i], s.XPOS[i], strconv.Itoa(s.Heads[i]), s.Rels[i]} {
				hs.Write(buf[:binary.PutUvarint(buf[:], uint64(len(f)))])
				hs.Write([]byte(f))
			}
		}
		hs.Write([]byte{0})
	}
	return hex.EncodeToString(hs.Sum(nil))
}
