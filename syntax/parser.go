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
func (st *pstate) moveFeatures(feats []uint64) []uint64 {
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k := len(st.stack); k > 0 {
		s0 = st.stack[k-1]
		if k > 1 {
			s1 = st.stack[k-2]
			if k > 2 {
				s2 = st.stack[k-3]
			}
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
	s1r1, s1l1 := child(st.rc1, s1), child(st.lc1, s1)

	ws0, ts0 := st.w(s0), st.t(s0)
	ws1, ts1 := st.w(s1), st.t(s1)
	wb0, tb0 := st.w(b0), st.t(b0)
	wb1, tb1 := st.w(b1), st.t(b1)
	tb2, ts2 := st.t(b2), st.t(s2)
	d01 := dist(s0, b0)
	d10 := dist(s1, s0)

	return append(feats,
		f1(1, 0),
		// single words
		f1(2, ws0), f1(3, ts0), f2(4, ws0, ts0),
		f1(5, ws1), f1(6, ts1), f2(7, ws1, ts1),
		f1(8, wb0), f1(9, tb0), f2(10, wb0, tb0),
		f1(11, wb1), f1(12, tb1), f2(13, wb1, tb1),
		f1(14, st.w(b2)), f1(15, tb2), f1(16, ts2),
		// pairs
		f4(17, ws0, ts0, wb0, tb0), f3(18, ws0, ts0, wb0), f3(19, ws0, wb0, tb0),
		f3(20, ws0, ts0, tb0), f3(21, ts0, wb0, tb0), f2(22, ws0, wb0), f2(23, ts0, tb0),
		f2(24, tb0, tb1), f4(25, ws1, ts1, ws0, ts0), f2(26, ts1, ts0), f2(27, ws1, ws0),
		f3(28, ts1, ws0, ts0), f3(29, ws1, ts1, ts0),
		// triples of tags
		f3(30, tb0, tb1, tb2), f3(31, ts0, tb0, tb1), f3(32, ts1, ts0, tb0),
		f3(33, ts2, ts1, ts0), f3(34, ts0, st.t(s0l1), tb0), f3(35, ts0, st.t(s0r1), tb0),
		f3(36, ts0, tb0, st.t(b0l1)), f3(37, ts1, ts0, st.t(s0l1)), f3(38, ts1, ts0, st.t(s0r1)),
		f3(39, ts1, st.t(s1r1), ts0), f3(40, ts0, st.t(s0l1), st.t(s0l2)),
		f3(41, ts0, st.t(s0r1), st.t(s0r2)), f3(42, tb0, st.t(b0l1), st.t(b0l2)),
		// distances
		f2(43, ws0, d01), f2(44, ts0, d01), f2(45, wb0, d01), f2(46, tb0, d01),
		f3(47, ts0, tb0, d01), f3(48, ws0, wb0, d01), f3(49, ts1, ts0, d10),
		f3(50, ws1, ws0, d10), f2(51, ws1, d10),
		// valency
		f3(52, ws0, count(st.nl, s0), count(st.nr, s0)), f3(53, ts0, count(st.nl, s0), count(st.nr, s0)),
		f2(54, wb0, count(st.nl, b0)), f2(55, tb0, count(st.nl, b0)),
		f3(56, ts1, count(st.nl, s1), count(st.nr, s1)),
		// children
		f1(57, st.w(s0l1)), f1(58, st.t(s0l1)), f1(59, st.l(s0l1)),
		f1(60, st.w(s0r1)), f1(61, st.t(s0r1)), f1(62, st.l(s0r1)),
		f1(63, st.w(b0l1)), f1(64, st.t(b0l1)), f1(65, st.l(b0l1)),
		f2(66, st.t(s0l2), st.l(s0l2)), f2(67, st.t(s0r2), st.l(s0r2)), f2(68, st.t(b0l2), st.l(b0l2)),
		f2(69, st.t(s1r1), st.l(s1r1)), f2(70, st.t(s1l1), st.l(s1l1)),
		f3(71, ts0, st.l(s0l1), st.l(s0l2)), f3(72, ts0, st.l(s0r1), st.l(s0r2)),
		f3(73, tb0, st.l(b0l1), st.l(b0l2)), f3(74, ts1, st.l(s1r1), ts0),
		f3(75, ws0, st.l(s0l1), st.l(s0r1)), f2(76, wb0, st.l(b0l1)),
		// neighbours in the sentence
		f3(77, ts0, st.t(nb(s0, 1)), tb0), f3(78, st.t(nb(s0, -1)), ts0, tb0), f3(79, ts0, st.t(b0-1), tb0),
		f4(80, ts1, st.t(nb(s1, 1)), ts0, tb0), f4(81, ts0, tb0, st.t(b0-1), st.t(nb(s0, 1))),
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
// labelling time and did not help.)
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
		f1(105, wh), f1(106, th), f2(107, wh, th),
		f2(108, th, td),
		f1(112, dd), f3(113, th, td, dd), f2(115, wh, dd),
		f2(116, st.w(dl1), st.l(dl1)), f2(117, st.t(dl1), st.l(dl1)), f3(118, td, st.w(dl1), st.l(dl1)),
		f3(121, td, count(st.nl, d), count(st.nr, d)),
		f3(122, st.w(hc), st.l(hc), dir), f4(123, th, st.l(hc), td, dir),
		f3(124, tdm, td, tdp), f3(125, th, td, tdm),
	)
}
