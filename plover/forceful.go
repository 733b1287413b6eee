package plover

// ForcefulThreat reports a THREATEN mode that threatens an attack or
// coercion (violence, arrest, territory, restrict): like the act itself,
// such a threat is against the place it names ("threatened to impose a
// curfew in Algiers").
func ForcefulThreat(mode string) bool {
	switch mode {
	case "violence", "arrest", "territory", "restrict":
		return true
	}
	return false
}
