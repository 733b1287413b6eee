package syntax

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const sample = `# newdoc id = x
# sent_id = s1
# text = Lavrov won't go.
1	Lavrov	Lavrov	PROPN	NNP	_	3	nsubj	_	_
2-3	won't	_	_	_	_	_	_	_	_
2	wo	will	AUX	MD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	go	go	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	went	go	VERB	VBD	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s2
1	Hi	hi	INTJ	UH	_	0	root	_	_
`

func TestReadCoNLLU(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Sentence
		wantErr []string // substrings of the error, in order
	}{
		{
			name: "multiword tokens and empty nodes skipped",
			in:   sample,
			want: []Sentence{
				{ID: "s1", Words: []string{"Lavrov", "wo", "n't", "go", "."},
					UPOS:  []string{"PROPN", "AUX", "PART", "VERB", "PUNCT"},
					XPOS:  []string{"NNP", "MD", "RB", "VB", "."},
					Heads: []int{2, 3, 3, -1, 3},
					Rels:  []string{"nsubj", "aux", "advmod", "root", "punct"}},
				{ID: "s2", Words: []string{"Hi"}, UPOS: []string{"INTJ"}, XPOS: []string{"UH"},
					Heads: []int{-1}, Rels: []string{"root"}},
			},
		},
		{
			name: "bad lines drop their sentence only",
			in: "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\n2\tb\tb\tNOUN\tNN\t_\t0\troot\t_\t_\n\n" +
				"1\tA\ta\tDET\tDT\t_\tx\tdet\t_\t_\n\n" +
				"1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n",
			want: []Sentence{{Words: []string{"Go"}, UPOS: []string{"VERB"}, XPOS: []string{"VB"},
				Heads: []int{-1}, Rels: []string{"root"}}},
			wantErr: []string{"t.conllu:1: 9 columns", "t.conllu:4: head \"x\""},
		},
		{
			name:    "two roots",
			in:      "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t0\troot\t_\t_\n",
			wantErr: []string{"t.conllu:1: sentence \"\": 2 roots"},
		},
		{
			name:    "cycle",
			in:      "1\tA\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n3\tC\tc\tX\tX\t_\t0\troot\t_\t_\n",
			wantErr: []string{"cycle"},
		},
		{
			name:    "head out of range and ID gap",
			in:      "1\tA\ta\tX\tX\t_\t5\tdep\t_\t_\n2\tB\tb\tX\tX\t_\t0\troot\t_\t_\n\n1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n",
			wantErr: []string{"word 1 has head 5", "t.conllu:5: word ID \"3\", want 2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLLU(strings.NewReader(tt.in), "t.conllu")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadCoNLLU sentences (-want +got):\n%s", diff)
			}
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Errorf("ReadCoNLLU error = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("ReadCoNLLU error = nil, want %q", tt.wantErr)
			}
			msg := err.Error()
			for _, w := range tt.wantErr {
				i := strings.Index(msg, w)
				if i < 0 {
					t.Errorf("error %q lacks %q", msg, w)
					continue
				}
				msg = msg[i+len(w):]
			}
		})
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add(sample)
	f.Add("1\tA\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n")
	f.Add("1\tA\ta\tX\tX\t_\t0\troot\t_\n\n#c\n1-2\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, _ := ReadCoNLLU(strings.NewReader(in), "fuzz")
		for _, s := range sents {
			n := len(s.Words)
			if n == 0 || len(s.UPOS) != n || len(s.XPOS) != n || len(s.Heads) != n || len(s.Rels) != n {
				t.Fatalf("ragged sentence %+v", s)
			}
			if err := checkTree(&s); err != nil {
				t.Fatalf("returned a bad tree: %v", err)
			}
			_ = Projective(s.Heads)
		}
	})
}

func TestProjective(t *testing.T) {
	tests := []struct {
		name  string
		heads []int // -1 root
		want  bool
	}{
		{"chain", []int{1, 2, -1}, true},
		{"flat under root", []int{-1, 0, 0, 0}, true},
		{"arc 0-3 over the root word", []int{2, -1, 1, 0}, false},
		{"arc over the root", []int{2, -1, 1}, false},
		{"nested", []int{3, 2, 3, -1}, true},
		{"one word", []int{-1}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Projective(tt.heads); got != tt.want {
				t.Errorf("Projective(%v) = %v, want %v", tt.heads, got, tt.want)
			}
		})
	}
}

// TestOracle checks that following the dynamic oracle from the start
// rebuilds every projective tree exactly, and that the move set is never
// empty on them.
func TestOracle(t *testing.T) {
	trees := [][]int{
		{1, 2, -1},
		{-1, 0, 0, 0},
		{3, 2, 3, -1, 3, 6, 3},
		{1, -1, 3, 1, 5, 3, 1},
		{-1},
	}
	for _, heads := range trees {
		n := len(heads)
		gold := make([]int32, n+1)
		for i, h := range heads {
			if h < 0 {
				h = n
			}
			gold[i] = int32(h)
		}
		gold[n] = -2
		var st pstate
		st.reset(make([]lex, n), make([]int32, n))
		for steps := 0; !st.done(); steps++ {
			zc, ok := st.zeroCost(gold)
			if !ok || steps > 3*n {
				t.Fatalf("tree %v: no zero-cost move after %d steps", heads, steps)
			}
			move := shift
			for m := range nMoves {
				if zc[m] {
					move = m
					break
				}
			}
			st.apply(move, 0)
		}
		for i, h := range heads {
			want := int32(h)
			if h < 0 {
				want = int32(n)
			}
			if st.heads[i] != want {
				t.Errorf("tree %v: word %d got head %d, want %d", heads, i, st.heads[i], want)
			}
		}
	}
}
