package score

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// bruteAssign tries every assignment of rows to distinct columns.
func bruteAssign(cost [][]int64) int64 {
	m := len(cost[0])
	used := make([]bool, m)
	var best int64
	first := true
	var walk func(row int, sum int64)
	walk = func(row int, sum int64) {
		if row == len(cost) {
			if first || sum < best {
				best, first = sum, false
			}
			return
		}
		for j := range m {
			if !used[j] {
				used[j] = true
				walk(row+1, sum+cost[row][j])
				used[j] = false
			}
		}
	}
	walk(0, 0)
	return best
}

func TestAssign(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 5; n++ {
		for m := n; m <= 7; m++ {
			for trial := range 20 {
				t.Run(fmt.Sprintf("%dx%d/%d", n, m, trial), func(t *testing.T) {
					cost := make([][]int64, n)
					for i := range cost {
						cost[i] = make([]int64, m)
						for j := range cost[i] {
							cost[i][j] = r.Int64N(41) - 20
						}
					}
					got := assign(cost)
					seen := map[int]bool{}
					var sum int64
					for i, j := range got {
						if j < 0 || j >= m || seen[j] {
							t.Fatalf("assign(%v) = %v: column %d out of range or given twice", cost, got, j)
						}
						seen[j] = true
						sum += cost[i][j]
					}
					if want := bruteAssign(cost); sum != want {
						t.Errorf("assign(%v) = %v costs %d, want %d", cost, got, sum, want)
					}
				})
			}
		}
	}
	if got := assign(nil); got != nil {
		t.Errorf("assign(nil) = %v, want nil", got)
	}
}
