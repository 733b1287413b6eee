package actor

import "strings"

// phraseIndex finds the folded phrases of the recognizer's dictionaries
// (names, agent nouns, homelands) in runs of units without building the
// run's key: each unit carries the hash of its key, the hash of a run is
// that of its units' keys joined as joinKey joins them, and two tables map
// the hash of every prefix of every phrase to what the dictionaries know
// of it: words holds the prefixes without a space, runs those with one.
// Every unit is looked up in words, which is small enough to stay in the
// cache while the rest of the pipeline runs; runs only when a run goes on
// past a gap. The tables are keyed by a 32-bit digest of the hash
// (tableKey); prefixes that share one share an entry, which holds the
// flags of all and chains their phrases. A run whose digest is not in its
// table is no prefix of a phrase. One whose digest is there may still be
// another string: a prefix flag then only makes a scan go on a step
// further than it needs to, and a phrase counts only once compared with
// the run.
type phraseIndex struct {
	words, runs hashTable
	phrases     []phrase
}

// hashTable maps tableKey(prefix hash) to prefix flags | (phrase
// index+1)<<phraseShift, by open addressing; the bitmap filter, when there
// is one, rejects many keys without touching the slots. Both are indexed
// by the top bits of the key.
type hashTable struct {
	shift  uint // 32 - log2(len(slots))
	slots  []slot
	filter []uint64
}

// slot is one entry of a table; v is 0 in an empty slot, as every
// prefix has a flag.
type slot struct {
	k uint32
	v uint32
}

// tableKey is the digest of a hash the tables are keyed by: the top bits
// of the hash times an odd constant, which every bit of the hash reaches.
func tableKey(h uint64) uint32 { return uint32(h * spread >> 32) }

// The flags of a prefix: which dictionaries have a phrase that starts
// with it.
const (
	namePrefix uint32 = 1 << iota
	agentPrefix
	homePrefix
	prefixFlags = iota
)

// Above the prefix flags, one group of them for each class of the byte
// that follows the prefix in some phrase (see nextClass): a run whose next
// unit's class has no flag is the longest prefix it can be, and a scan
// stops without looking the longer run up.
const (
	nextSpace = iota // the next unit has a gap before it
	nextAlnum        // it starts with a letter or digit
	nextOther        // punctuation
	nextClasses
	phraseShift = prefixFlags * (1 + nextClasses)
)

// nextClass is the class of the byte c that follows a prefix: nextSpace
// for the space that stands for a gap, nextAlnum for a letter, a digit or
// a byte of a multi-byte rune, nextOther for the rest.
func nextClass(c byte) uint {
	switch {
	case c == ' ':
		return nextSpace
	case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c >= 0x80:
		return nextAlnum
	}
	return nextOther
}

// continues returns the flag that says a phrase with the prefix flag
// continues with a byte of class class.
func continues(prefix uint32, class uint) uint32 {
	return prefix << (prefixFlags * (1 + class))
}

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

// newPhraseIndex indexes the keys of names (→ nameEntries index), agents
// (→ kb.agents index) and homes (→ homeCodes index).
func newPhraseIndex(names, agents, homes map[string]int) phraseIndex {
	var x phraseIndex
	words, runs := map[uint32]uint32{}, map[uint32]uint32{}
	byKey := map[string]int32{} // key → index into x.phrases
	// add flags every prefix of k and returns the index of its phrase.
	add := func(k string, flag uint32) int32 {
		var h uint64
		var t uint32
		table := words
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				table = runs
			}
			h = h*hashBase + uint64(k[i])
			t = tableKey(h)
			table[t] |= flag
			if i+1 < len(k) {
				table[t] |= continues(flag, nextClass(k[i+1]))
			}
		}
		p, ok := byKey[k]
		if !ok {
			p = int32(len(x.phrases))
			byKey[k] = p
			ph := phrase{key: k, name: -1, agent: -1, home: -1, next: int32(table[t]>>phraseShift) - 1}
			x.phrases = append(x.phrases, ph)
			table[t] = table[t]&(1<<phraseShift-1) | uint32(p+1)<<phraseShift
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
	x.words = newHashTable(words, false)
	x.runs = newHashTable(runs, true)
	return x
}

// filterBits is log2 of the size in bits of the runs table's bitmap
// (128 KiB).
const filterBits = 20

// newHashTable builds the table of m, with a filter when filter is set.
func newHashTable(m map[uint32]uint32, filter bool) hashTable {
	bits := uint(10)
	for 1<<bits < 2*len(m) {
		bits++
	}
	t := hashTable{shift: 32 - bits, slots: make([]slot, 1<<bits)}
	if filter {
		t.filter = make([]uint64, 1<<filterBits/64)
	}
	mask := uint32(len(t.slots) - 1)
	for k, v := range m {
		if filter {
			b := k >> (32 - filterBits)
			t.filter[b/64] |= 1 << (b % 64)
		}
		i := k >> t.shift
		for t.slots[i].v != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = slot{k, v}
	}
	return t
}

// get returns the value for the hash h of a run, spaced when its key has
// a space: 0 when the run is no prefix of a phrase.
func (x *phraseIndex) get(h uint64, spaced bool) uint32 {
	if spaced {
		return x.runs.get(tableKey(h))
	}
	return x.words.get(tableKey(h))
}

func (t *hashTable) get(k uint32) uint32 {
	if t.filter != nil {
		if b := k >> (32 - filterBits); t.filter[b/64]&(1<<(b%64)) == 0 {
			return 0
		}
	}
	mask := uint32(len(t.slots) - 1)
	for i := k >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.v == 0 || s.k == k {
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
