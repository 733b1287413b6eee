package actor

import "strings"

// phraseIndex finds the folded phrases of the recognizer's dictionaries
// (names, agent nouns, homelands) in runs of units without building the
// run's key: each unit carries the hash of its key, the hash of a run is
// that of its units' keys joined as joinKey joins them, and one table maps
// the hash of every prefix of every phrase to what the dictionaries know
// of it. A run whose hash is not in the table is no prefix of a phrase.
// One whose hash is there may still be another string (the hash has 64
// bits): a prefix flag then only makes a scan go on a step further than
// it needs to, and a phrase counts only once compared with the run.
//
// The table is open addressing, behind a bitmap that rejects most runs
// (most words start no phrase) without touching it; both are indexed by
// the top bits of the hash times an odd constant, which every bit of the
// hash reaches.
type phraseIndex struct {
	shift   uint   // 64 - log2(len(slots))
	slots   []slot // prefix hash → prefix flags | (phrase index+1)<<phraseShift
	filter  []uint64
	phrases []phrase
}

// slot is one entry of the table; v is 0 in an empty slot, as every
// prefix has a flag.
type slot struct {
	h uint64
	v uint32
}

// The flags of a prefix: which dictionaries have a phrase that starts
// with it.
const (
	namePrefix uint32 = 1 << iota
	agentPrefix
	homePrefix
	phraseShift = iota
)

// phrase is a whole key of one or more dictionaries.
type phrase struct {
	key   string
	name  int32 // index into Recognizer.nameEntries, or -1
	agent int32 // index into kb.agents, or -1
	home  int32 // index into Recognizer.homeCodes, or -1
	next  int32 // index of another phrase with the same hash, or -1
}

// hashBase is the base of the polynomial hash of keys.
const hashBase = 0x9e3779b97f4a7c15

// spread mixes the low bits of a hash into its top bits.
const spread = 0xbf58476d1ce4e5b9

// filterBits is log2 of the bitmap's size in bits (128 KiB).
const filterBits = 20

// newPhraseIndex indexes the keys of names (→ nameEntries index), agents
// (→ kb.agents index) and homes (→ homeCodes index).
func newPhraseIndex(names, agents, homes map[string]int) phraseIndex {
	var x phraseIndex
	table := map[uint64]uint32{}
	byKey := map[string]int32{} // key → index into x.phrases
	// add flags every prefix of k and returns the index of its phrase.
	add := func(k string, flag uint32) int32 {
		var h uint64
		for i := 0; i < len(k); i++ {
			h = h*hashBase + uint64(k[i])
			table[h] |= flag
		}
		p, ok := byKey[k]
		if !ok {
			p = int32(len(x.phrases))
			byKey[k] = p
			ph := phrase{key: k, name: -1, agent: -1, home: -1, next: int32(table[h]>>phraseShift) - 1}
			x.phrases = append(x.phrases, ph)
			table[h] = table[h]&(1<<phraseShift-1) | uint32(p+1)<<phraseShift
		}
		return p
	}
	for k, i := range names {
		if k != "" {
			x.phrases[add(k, namePrefix)].name = int32(i)
		}
	}
	for k, i := range agents {
		if k != "" {
			x.phrases[add(k, agentPrefix)].agent = int32(i)
		}
	}
	for k, i := range homes {
		if k != "" {
			x.phrases[add(k, homePrefix)].home = int32(i)
		}
	}
	bits := uint(10)
	for 1<<bits < 3*len(table) {
		bits++
	}
	x.shift = 64 - bits
	x.slots = make([]slot, 1<<bits)
	x.filter = make([]uint64, 1<<filterBits/64)
	mask := uint64(len(x.slots) - 1)
	for h, v := range table {
		m := h * spread
		b := m >> (64 - filterBits)
		x.filter[b/64] |= 1 << (b % 64)
		i := m >> x.shift
		for x.slots[i].v != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = slot{h, v}
	}
	return x
}

// get returns the table's value for the hash of a run: 0 when the run is
// no prefix of a phrase.
func (x *phraseIndex) get(h uint64) uint32 {
	m := h * spread
	if b := m >> (64 - filterBits); x.filter[b/64]&(1<<(b%64)) == 0 {
		return 0
	}
	mask := uint64(len(x.slots) - 1)
	for i := m >> x.shift; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.v == 0 || s.h == h {
			return s.v
		}
	}
}

// keyHash returns the hash of a unit's key and hashBase to the power of
// its length, which joining needs.
func keyHash(k string) (h, pow uint64) {
	pow = 1
	for i := 0; i < len(k); i++ {
		h = h*hashBase + uint64(k[i])
		pow *= hashBase
	}
	return h, pow
}

// joinHash returns the hash of a run's key extended by u (see joinKey).
func joinHash(h uint64, u *unit) uint64 {
	if u.gap {
		h = h*hashBase + ' '
	}
	return h*u.pow + u.hash
}

// phraseAt returns the phrase of those with the hash the lookup value v
// is for that the units us spell, or nil.
func (x *phraseIndex) phraseAt(v uint32, us []unit) *phrase {
	for p := int32(v>>phraseShift) - 1; p >= 0; p = x.phrases[p].next {
		if spells(us, x.phrases[p].key) {
			return &x.phrases[p]
		}
	}
	return nil
}

// spells reports whether the key of the run us (joined as joinKey joins
// them) is key.
func spells(us []unit, key string) bool {
	for j := range us {
		u := &us[j]
		if j > 0 && u.gap {
			if key == "" || key[0] != ' ' {
				return false
			}
			key = key[1:]
		}
		if !strings.HasPrefix(key, u.key) {
			return false
		}
		key = key[len(u.key):]
	}
	return key == ""
}
