package syntax

// The tagger is a greedy left-to-right averaged perceptron over tag
// classes, each class a pair of a universal tag (UPOS) and a Penn tag
// (XPOS), after Collins (2002) and Honnibal's "A good part-of-speech tagger
// in about 200 lines of Python". Frequent words that the treebank tags one
// way at least 97 % of the time are looked up in a dictionary instead.

// tagStart is the tag feature of the positions before the sentence.
const tagStart = 2000

// tagFeatures appends the features of word i given the lexical hashes lx
// (padded with two entries on each side: word i is lx[i+2]) and the class
// of the previous word. (Features of the class two words back, of the
// previous word and its suffix, and of the next word with the previous
// class took time and did not help.)
func tagFeatures(feats []uint64, lx []lex, i int, p1 uint64) []uint64 {
	w := &lx[i+2]
	m1, m2 := &lx[i+1], &lx[i]
	n1, n2 := &lx[i+3], &lx[i+4]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(feats,
		f1(201, 0),
		f1(202, w.word), f1(203, w.tail), f1(204, w.shape), f2(205, w.shape, first),
		f1(206, w.pre1), f1(207, w.pre3), f1(208, w.suf1), f1(209, w.suf2),
		f1(210, w.suf3), f1(211, w.suf4),
		f1(212, p1), f2(215, p1, w.word),
		f1(218, m2.word),
		f1(219, n1.word), f1(220, n1.suf3), f1(221, n2.word), f1(222, n1.shape),
		f2(223, p1, w.suf3),
		f2(224, w.word, n1.word), f2(225, m1.word, w.word),
		f2(227, w.word, w.shape), f1(228, n2.suf3), f1(229, m1.shape),
	)
}

// wordDict maps the hash of a normalized word to a tag class by open
// addressing. Key 0 marks an empty slot (a word hashing to 0 is stored as
// 1). A key and its value share a cache line.
type wordDict struct {
	mask  uint64
	slots []dictSlot
}

type dictSlot struct {
	key uint64
	val int32
}

func dictKey(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

func newWordDict(n int) *wordDict {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &wordDict{mask: uint64(size - 1), slots: make([]dictSlot, size)}
}

func (d *wordDict) put(h uint64, class int32) {
	k := dictKey(h)
	for j := k & d.mask; ; j = (j + 1) & d.mask {
		if d.slots[j].key == 0 || d.slots[j].key == k {
			d.slots[j] = dictSlot{k, class}
			return
		}
	}
}

func (d *wordDict) get(h uint64) (int32, bool) {
	k := dictKey(h)
	for j := k & d.mask; ; j = (j + 1) & d.mask {
		switch e := &d.slots[j]; e.key {
		case k:
			return e.val, true
		case 0:
			return 0, false
		}
	}
}
