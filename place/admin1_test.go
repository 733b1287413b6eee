package place

import (
	"fmt"
	"slices"
	"testing"
)

// TestRegionsOnce checks that no first-level region is in the gazetteer
// twice: no two admin1 features of one country answer to the same name
// when they are within 300 km of each other or are spelled alike (farther
// apart and spelled otherwise, they are two regions the transliteration
// key makes one, as Shaanxi and Shanxi), and no region answers to another
// one's name with "region" or "province" after it ("Delaware" and
// "Delaware region").
// A hand-written row of regions.tsv for a region the generated
// admin1.tsv.gz has must carry that region's GeoNames id, so that Load
// merges the two.
func TestRegionsOnce(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var dups []string
	seen := map[[2]int32]bool{}
	for k, ids := range g.index {
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				ea, eb := &g.feats[a], &g.feats[b]
				if ea.Class != ClassAdmin1 || eb.Class != ClassAdmin1 || ea.Country != eb.Country ||
					distanceKm(ea.Lat, ea.Lon, eb.Lat, eb.Lon) > 300 && plain(ea.Name) != plain(eb.Name) {
					continue
				}
				pair := [2]int32{min(a, b), max(a, b)}
				if seen[pair] {
					continue
				}
				seen[pair] = true
				dups = append(dups, fmt.Sprintf("%s %q (id %d) and %q (id %d) both answer to %q", ea.Country, ea.Name, ea.ID, eb.Name, eb.ID, k))
			}
		}
	}
	for i := range g.feats {
		e := &g.feats[i]
		if e.Class != ClassAdmin1 {
			continue
		}
		for _, head := range []string{" region", " province"} {
			for _, j := range g.index[Key(e.Name+head)] {
				if o := &g.feats[j]; int(j) != i && o.Class == ClassAdmin1 && o.Country == e.Country {
					dups = append(dups, fmt.Sprintf("%s %q (id %d) and %q (id %d) are one region", e.Country, e.Name, e.ID, o.Name, o.ID))
				}
			}
		}
	}
	slices.Sort(dups)
	for _, d := range dups {
		t.Error(d)
	}
}

// TestRegions checks that first-level regions of several countries,
// generated or written by hand, resolve to their country near where they
// are.
func TestRegions(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		country  string
		lat, lon float64
	}{
		{"Tartus Governorate", "SYR", 34.9, 35.9},
		{"Tartus province", "SYR", 34.9, 35.9},
		{"California", "USA", 37, -120},
		{"Bavaria", "DEU", 48.9, 11.4},
		{"Bayern", "DEU", 48.9, 11.4},
		{"Kanagawa Prefecture", "JPN", 35.4, 139.3},
		{"Ashanti Region", "GHA", 6.7, -1.6},
		{"Lower Saxony", "DEU", 52.6, 9.8},
		{"Ontario", "CAN", 50, -85},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := g.Lookup(tt.name)
			if len(fs) == 0 {
				t.Fatalf("Lookup(%q) found nothing, want an admin1 of %s", tt.name, tt.country)
			}
			f := fs[0]
			if f.Class != ClassAdmin1 || f.Country != tt.country {
				t.Errorf("Lookup(%q)[0] = %+v, want an admin1 of %s", tt.name, f, tt.country)
			}
			if d := distanceKm(f.Lat, f.Lon, tt.lat, tt.lon); d > 200 {
				t.Errorf("Lookup(%q)[0] at %.2f,%.2f is %.0f km from %.1f,%.1f, want at most 200", tt.name, f.Lat, f.Lon, d, tt.lat, tt.lon)
			}
		})
	}
	// A bare name that is a city's stays the city's.
	for _, name := range []string{"Tartus", "Aleppo", "New York"} {
		if fs := g.Lookup(name); len(fs) == 0 || fs[0].Class != ClassCity {
			t.Errorf("Lookup(%q) = %+v, want a city first", name, fs)
		}
	}
	// Every country of admin1.tsv.gz has several regions.
	n := map[string]int{}
	for _, e := range g.feats {
		if e.Class == ClassAdmin1 && e.ID > 0 {
			n[e.Country]++
		}
	}
	if len(n) < 200 || n["FRA"] < 10 || n["NGA"] < 30 || n["BRA"] < 25 {
		t.Errorf("regions with a GeoNames id in %d countries (FRA %d, NGA %d, BRA %d), want at least 200 (13, 37, 27)", len(n), n["FRA"], n["NGA"], n["BRA"])
	}
}
