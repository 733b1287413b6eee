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
	// buckets of hashed features.
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
	// Explore is the probability, after the first parser pass, of following
	// the predicted move rather than the best zero-cost one.
	Explore float64 `json:"explore"`
}

// DefaultTrainConfig returns the configuration of parley's shipped
// weights.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{
		Seed:         1,
		TagIters:     6,
		ParseIters:   12,
		TagBits:      18,
		MoveBits:     22,
		LabelBits:    18,
		Folds:        4,
		MinTagCount:  10,
		DictMinCount: 20,
		DictRatio:    0.97,
		Explore:      0.9,
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
	m.tagger, m.dictList = trainTagger(cfg, ts, all, logf)
	m.buildDict()
	h.DictWords = len(m.dictList)
	h.TagRows = m.tagger.rows
	logf("tagger: %d classes, %d dictionary words, %d rows, %s", ts.nClass, h.DictWords, h.TagRows, time.Since(start).Round(time.Millisecond))

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
			t, dl := trainTagger(cfg, ts, in, nil)
			fm := &Model{tagger: t, dictList: dl}
			fm.buildDict()
			right, total := 0, 0
			for _, i := range out {
				sc.lx = ts.lx[i]
				tagWith(fm.tagger, fm.dict, &sc, len(ts.gold[i]))
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

	// Parser.
	start = time.Now()
	var proj []int
	for _, i := range all {
		if Projective(sents[i].Heads) {
			proj = append(proj, i)
		}
	}
	logf("parser: %d of %d trees projective", len(proj), len(sents))
	mover := newTrainTable(cfg.MoveBits, nMoves)
	labeler := newTrainTable(cfg.LabelBits, len(h.Rels))
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5eed))
	var (
		st     pstate
		feats  []uint64
		scores = make([]float32, max(nMoves, len(h.Rels)))
	)
	for it := range cfg.ParseIters {
		rng.Shuffle(len(proj), func(a, b int) { proj[a], proj[b] = proj[b], proj[a] })
		moves, wrong, arcs, right := 0, 0, 0, 0
		for _, si := range proj {
			gold, grels := ts.heads[si], ts.rels[si]
			st.reset(ts.lx[si][2:], ptags[si])
			for !st.done() {
				feats = st.moveFeatures(feats[:0])
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
					if hd == st.n {
						rel = m.root
					} else {
						feats = st.labelFeatures(feats[:0], hd, d)
						labeler.score(feats, scores)
						rel = bestLabel(scores[:len(h.Rels)], m.root)
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
	m.mover = mover.average()
	m.labeler = labeler.average()
	h.MoveRows, h.LabelRows = m.mover.rows, m.labeler.rows
	return m, nil
}

// trainTagger trains the tagger on the sentences idx of ts.
func trainTagger(cfg TrainConfig, ts *trainSet, idx []int, logf func(string, ...any)) (*table, []dictEntry) {
	// The dictionary: frequent words with one dominant class.
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
		if int(total) >= cfg.DictMinCount && float64(c[best]) >= cfg.DictRatio*float64(total) {
			dl = append(dl, dictEntry{w, best})
		}
	}
	slices.SortFunc(dl, func(a, b dictEntry) int { return cmpStr(a.Word, b.Word) })
	dm := &Model{dictList: dl}
	dm.buildDict()

	tt := newTrainTable(cfg.TagBits, ts.nClass)
	order := slices.Clone(idx)
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x7a99))
	var feats []uint64
	scores := make([]float32, ts.nClass)
	for it := range cfg.TagIters {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		right, total := 0, 0
		for _, i := range order {
			lx, gold := ts.lx[i], ts.gold[i]
			p1, p2 := uint64(tagStart), uint64(tagStart+1)
			for j := range gold {
				c, ok := dm.dict.get(lx[j+2].word)
				if !ok {
					feats = tagFeatures(feats[:0], lx, j, p1, p2)
					tt.score(feats, scores)
					c = int32(bestOf(scores))
					tt.update(feats, int(gold[j]), int(c))
					tt.tick()
				}
				total++
				if c == gold[j] {
					right++
				}
				p2, p1 = p1, uint64(c)
			}
		}
		if logf != nil {
			logf("tagger pass %d: %.2f%% right", it+1, 100*float64(right)/float64(total))
		}
	}
	return tt.average(), dl
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
