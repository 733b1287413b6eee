package syntax

// The parser is a greedy arc-hybrid transition system (Kuhlmann, Gómez-
// Rodríguez & Satta 2011) trained with the dynamic oracle of Goldberg &
// Nivre (2013). The root is a virtual token after the last word, so it is
// the last item of the buffer; it may take one dependent, which makes every
// parse a single tree. Moves:
//
//	SHIFT  push the front of the buffer b0 onto the stack
//	LEFT   pop s0 and attach it to b0 (b0 may be the root only when s0 is
//	       the last item on the stack)
//	RIGHT  pop s0 and attach it to s1
//
// Moves are chosen by one averaged perceptron over three classes; the
// relation of each new arc by a second one, when the arc is made, so later
// features see the relations of the children already attached.

const (
	shift = iota
	left
	right
	nMoves
)

// Special values for tag and relation features.
const (
	tagNone  = 1000 // no token at the position
	tagRoot  = 1001
	relNone  = 1000
	relUnset = 1001
)

// pstate is a parser configuration over one sentence of n words; index n
// is the root.
type pstate struct {
	n     int32
	i     int32 // front of the buffer
	stack []int32
	pw    []uint64 // word hash of each index, the root's included
	pt    []uint64 // tag feature of each index
	heads []int32
	rels  []int32 // relation class, -1 while unattached
	lc1   []int32 // leftmost child
	lc2   []int32 // second leftmost
	rc1   []int32 // rightmost child
	rc2   []int32
	nl    []int32 // number of left children
	nr    []int32
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// reset prepares st for a sentence whose words have the given lexical
// hashes and tag classes.
func (st *pstate) reset(lx []lex, tags []int32) {
	n := len(tags)
	st.n = int32(n)
	st.i = 0
	st.stack = st.stack[:0]
	st.pw = grow(st.pw, n+1)
	st.pt = grow(st.pt, n+1)
	st.heads = grow(st.heads, n+1)
	st.rels = grow(st.rels, n+1)
	st.lc1 = grow(st.lc1, n+1)
	st.lc2 = grow(st.lc2, n+1)
	st.rc1 = grow(st.rc1, n+1)
	st.rc2 = grow(st.rc2, n+1)
	st.nl = grow(st.nl, n+1)
	st.nr = grow(st.nr, n+1)
	for k := 0; k <= n; k++ {
		if k < n {
			st.pw[k] = lx[k].word
			st.pt[k] = uint64(tags[k])
		} else {
			st.pw[k] = hashRoot
			st.pt[k] = tagRoot
		}
		st.heads[k], st.rels[k] = -1, -1
		st.lc1[k], st.lc2[k], st.rc1[k], st.rc2[k] = -1, -1, -1, -1
		st.nl[k], st.nr[k] = 0, 0
	}
}

func (st *pstate) done() bool { return st.i == st.n && len(st.stack) == 0 }

// valid returns which moves are allowed.
func (st *pstate) valid() (v [nMoves]bool) {
	k := len(st.stack)
	v[shift] = st.i < st.n
	v[left] = k >= 1 && (st.i < st.n || k == 1)
	v[right] = k >= 2
	return v
}

// arc returns the head and dependent the move would attach.
func (st *pstate) arc(move int) (h, d int32) {
	k := len(st.stack)
	if move == left {
		return st.i, st.stack[k-1]
	}
	return st.stack[k-2], st.stack[k-1]
}

// apply makes the move; rel is the relation of the new arc (ignored for
// SHIFT).
func (st *pstate) apply(move int, rel int32) {
	if move == shift {
		st.stack = append(st.stack, st.i)
		st.i++
		return
	}
	h, d := st.arc(move)
	st.stack = st.stack[:len(st.stack)-1]
	st.heads[d], st.rels[d] = h, rel
	if d < h {
		st.lc2[h], st.lc1[h] = st.lc1[h], d
		st.nl[h]++
	} else {
		st.rc2[h], st.rc1[h] = st.rc1[h], d
		st.nr[h]++
	}
}

// zeroCost returns the moves that lose no gold arc still reachable
// (Goldberg & Nivre 2013, arc-hybrid), given gold heads over indices
// 0..n (gold[n] is -2). ok is false when no valid move is free of cost,
// which happens only on non-projective trees.
func (st *pstate) zeroCost(gold []int32) (zc [nMoves]bool, ok bool) {
	v := st.valid()
	k := len(st.stack)
	if k == 0 {
		return v, v[shift]
	}
	s0 := st.stack[k-1]
	if v[shift] && gold[st.i] == s0 {
		zc[shift] = true
		return zc, true
	}
	if v[left] && gold[s0] == st.i {
		zc[left] = true
		return zc, true
	}
	zc = v
	if k >= 2 && gold[s0] == st.stack[k-2] {
		zc[left] = false
	}
	if zc[shift] {
		b := st.i
		for _, w := range st.stack {
			if gold[w] == b || gold[b] == w {
				zc[shift] = false
				break
			}
		}
	}
	if zc[left] || zc[right] {
		for j := st.i + 1; j <= st.n; j++ {
			if gold[j] == s0 || gold[s0] == j {
				zc[left], zc[right] = false, false
				break
			}
		}
	}
	return zc, zc[shift] || zc[left] || zc[right]
}

// position helpers: p < 0 means no token.
func (st *pstate) w(p int32) uint64 {
	if p < 0 {
		return hashNone
	}
	return st.pw[p]
}

func (st *pstate) t(p int32) uint64 {
	if p < 0 || p > st.n {
		return tagNone
	}
	return st.pt[p]
}

func (st *pstate) l(p int32) uint64 {
	if p < 0 {
		return relNone
	}
	if st.rels[p] < 0 {
		return relUnset
	}
	return uint64(st.rels[p])
}

// nb returns the position off words from p, or -1 when p is none.
func nb(p, off int32) int32 {
	if p < 0 {
		return -1
	}
	return p + off
}

func child(c []int32, p int32) int32 {
	if p < 0 {
		return -1
	}
	return c[p]
}

func count(c []int32, p int32) uint64 {
	if p < 0 {
		return 99
	}
	return uint64(min(c[p], 4))
}

// dist buckets the distance between two positions.
func dist(a, b int32) uint64 {
	if a < 0 || b < 0 {
		return 99
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 15:
		return 6
	}
	return 7
}

// moveFeatures appends the features of the configuration to feats.
//
// Each feature is a random read in the move table, those of words mostly
// a cache miss, so there are few: 30 templates, chosen from the 81 of the
// format 3 weights by removing, a few at a time, those whose removal from
// a trained model cost least on the EWT dev file, and retraining. (Format
// 3's 81 templates scored dev and test UAS 83.44, LAS 79.60 on average;
// these 30 with the same 2^21 buckets 83.24 and 79.35.) Of the words only
// s0's, the pair s1 s0 and the children's take a template of their own;
// b0's word is seen with s0's and with the relation of its leftmost child.
func (st *pstate) moveFeatures(feats []uint64) []uint64 {
	s0, s1 := int32(-1), int32(-1)
	if k := len(st.stack); k > 0 {
		s0 = st.stack[k-1]
		if k > 1 {
			s1 = st.stack[k-2]
		}
	}
	b0, b1, b2 := st.i, int32(-1), int32(-1)
	if b0+1 <= st.n {
		b1 = b0 + 1
		if b0+2 <= st.n {
			b2 = b0 + 2
		}
	}
	s0l1, s0l2 := child(st.lc1, s0), child(st.lc2, s0)
	s0r1, s0r2 := child(st.rc1, s0), child(st.rc2, s0)
	b0l1, b0l2 := child(st.lc1, b0), child(st.lc2, b0)
	s1r1 := child(st.rc1, s1)

	ws0, ts0 := st.w(s0), st.t(s0)
	ws1, ts1 := st.w(s1), st.t(s1)
	wb0, tb0 := st.w(b0), st.t(b0)
	tb1 := st.t(b1)
	tb2 := st.t(b2)
	d01 := dist(s0, b0)
	lb0l1 := st.l(b0l1)

	return append(feats,
		f1(1, 0),
		f1(2, ws0), f1(3, ts0), f1(6, ts1), f1(9, tb0), f1(12, tb1),
		f3(18, ws0, ts0, wb0), f3(20, ws0, ts0, tb0),
		f2(24, tb0, tb1), f2(26, ts1, ts0), f2(27, ws1, ws0),
		f3(30, tb0, tb1, tb2), f3(31, ts0, tb0, tb1),
		f3(36, ts0, tb0, st.t(b0l1)), f3(37, ts1, ts0, st.t(s0l1)),
		f3(41, ts0, st.t(s0r1), st.t(s0r2)),
		f2(44, ts0, d01), f2(46, tb0, d01),
		f1(57, st.w(s0l1)), f1(59, st.l(s0l1)), f1(60, st.w(s0r1)),
		f1(63, st.w(b0l1)), f1(64, st.t(b0l1)),
		f2(66, st.t(s0l2), st.l(s0l2)), f2(68, st.t(b0l2), st.l(b0l2)),
		f2(69, st.t(s1r1), st.l(s1r1)),
		f3(73, tb0, lb0l1, st.l(b0l2)), f2(76, wb0, lb0l1),
		f3(77, ts0, st.t(nb(s0, 1)), tb0), f3(78, st.t(nb(s0, -1)), ts0, tb0),
	)
}

// arcDir is 1 when the dependent d follows the head h, else 0.
func arcDir(h, d int32) int {
	if d > h {
		return 1
	}
	return 0
}

// labelFeatures appends the features for labelling the arc h → d.
// (Eleven more, of the dependent's tag alone, of its rightmost child, of
// the pair of words and of other triples of tags, took a third of the
// labelling time and did not help; nor did three more of format 3, the
// head's word with its tag and with the distance, and the pair of tags
// with the distance.)
func (st *pstate) labelFeatures(feats []uint64, h, d int32) []uint64 {
	wd, td := st.w(d), st.t(d)
	wh, th := st.w(h), st.t(h)
	dir := uint64(0)
	if d > h {
		dir = 1
	}
	dd := dist(h, d)*2 + dir
	dl1 := st.lc1[d]
	// the head's nearest child on the dependent's side, attached already
	hc := st.lc1[h]
	if dir == 1 {
		hc = st.rc1[h]
	}
	tdm, tdp := st.t(d-1), uint64(tagNone)
	if d+1 < st.n {
		tdp = st.pt[d+1]
	}
	return append(feats,
		f1(101, 0),
		f1(102, wd), f2(104, wd, td),
		f1(105, wh), f1(106, th),
		f2(108, th, td),
		f1(112, dd),
		f2(116, st.w(dl1), st.l(dl1)), f2(117, st.t(dl1), st.l(dl1)), f3(118, td, st.w(dl1), st.l(dl1)),
		f3(121, td, count(st.nl, d), count(st.nr, d)),
		f3(122, st.w(hc), st.l(hc), dir), f4(123, th, st.l(hc), td, dir),
		f3(124, tdm, td, tdp), f3(125, th, td, tdm),
	)
}
