package score

import "math"

// assign solves the assignment problem: it returns, for each row of cost,
// the column given to it, so that no column is given twice and the total
// cost is least. Every row must have as many columns as there are rows, or
// more, all of the same length. It is the Hungarian method with potentials
// (Kuhn–Munkres as Jonker and Volgenant phrase it), O(rows² × columns).
func assign(cost [][]int64) []int {
	n := len(cost)
	if n == 0 {
		return nil
	}
	m := len(cost[0])
	const inf = math.MaxInt64 / 4
	u := make([]int64, n+1)
	v := make([]int64, m+1)
	p := make([]int, m+1) // p[j]: the row (1-based) holding column j; 0 for none
	way := make([]int, m+1)
	minv := make([]int64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0 := p[j0]
			delta := int64(inf)
			j1 := 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				if cur := cost[i0-1][j-1] - u[i0] - v[j]; cur < minv[j] {
					minv[j] = cur
					way[j] = j0
				}
				if minv[j] < delta {
					delta = minv[j]
					j1 = j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	rows := make([]int, n)
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			rows[p[j]-1] = j - 1
		}
	}
	return rows
}
