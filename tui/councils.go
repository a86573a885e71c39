package tui

import (
	"context"
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/minutebook/minutebook/index"
)

// Several councils in one library. The root keeps the library's councils
// (shared.councils, loaded at the start and whenever the library
// changes); when there is more than one, the title bar names the council
// of what the view in front shows (a view says it with councilShown), the
// due board can be narrowed to one (C), search has a council facet, and
// lists of committees say whose each is.

// councilLibrary is what the root needs of the library for councils.
type councilLibrary interface {
	Councils(ctx context.Context) ([]index.Council, error)
}

// councilsMsg is the library's councils.
type councilsMsg struct {
	list []index.Council
	err  error
}

// councilScoped is a view that shows one council's things, or every
// council's: councilShown is the council's name, allCouncils for
// every council, "" when the view says nothing of councils.
type councilScoped interface {
	councilShown() string
}

// allCouncils is what councilShown says for a view of every council.
const allCouncils = "All councils"

// loadCouncils asks the library for its councils.
func (m *Model) loadCouncils() tea.Cmd {
	lib := m.lib
	return m.sh.cmd(func(ctx context.Context) tea.Msg {
		list, err := lib.Councils(ctx)
		return councilsMsg{list: list, err: err}
	})
}

// severalCouncils reports whether the library holds more than one
// council: only then do the views say whose things are.
func (sh *shared) severalCouncils() bool { return len(sh.councils) > 1 }

// councilOf is the council a committee (by key) belongs to, if known.
func (sh *shared) councilOf(committeeKey string) (index.Council, bool) {
	for _, c := range sh.councils {
		for _, cm := range c.Committees {
			if cm.Key == committeeKey {
				return c, true
			}
		}
	}
	return index.Council{}, false
}

// councilCommittees is the committees of the council named (all of
// them when name is ""), as the library listed them.
func (sh *shared) councilCommittees(name string, all []index.Committee) []index.Committee {
	if name == "" {
		return all
	}
	c, err := index.MatchCouncil(sh.councils, name)
	if err != nil {
		return all
	}
	in := map[string]bool{}
	for _, cm := range c.Committees {
		in[cm.Key] = true
	}
	var out []index.Committee
	for _, cm := range all {
		if in[cm.Key] {
			out = append(out, cm)
		}
	}
	return out
}

// councilLabel is the council the title bar names for the view in front,
// in at most w cells (its short form when the full name is too wide); ""
// when the library holds one council (or none), the view says nothing of
// councils, or not even the short form fits.
func (m *Model) councilLabel(w int) string {
	if !m.sh.severalCouncils() || w < 6 {
		return ""
	}
	v, ok := m.views[m.active].(councilScoped)
	if !ok {
		return ""
	}
	name := oneLine(v.councilShown())
	if name == "" {
		return ""
	}
	if ansi.StringWidth(name) > w {
		name = shortCouncil(name)
	}
	if ansi.StringWidth(name) > w {
		return "" // a council cut short names none: the title bar goes without
	}
	return name
}

// shortCouncil is a council's name without the words every council's
// has: "Harrow" for "Harrow Council", "Des Moines" for "City of Des
// Moines" (the words index.CouncilKey keeps, as the name spells them).
func shortCouncil(name string) string {
	keep := map[string]bool{}
	for _, w := range strings.Fields(index.CouncilKey(name)) {
		keep[w] = true
	}
	var out []string
	for _, w := range strings.Fields(name) {
		// The key splits words at what is not a letter or digit: a word
		// is kept when its first part is ("Hawke's" is "hawke" and "s").
		parts := strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(parts) > 0 && keep[parts[0]] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return name
	}
	return strings.Join(out, " ")
}

// councilNameOf is the name of the council of a committee (by key), ""
// when not known.
func councilNameOf(sh *shared, committeeKey string) string {
	c, _ := sh.councilOf(committeeKey)
	return c.Name
}

// committeeOf is a record's committee as the library's methods take it:
// its key, which no other council's committee shares, or its name.
func committeeOf(r index.Record) string {
	if r.CommitteeKey != "" {
		return r.CommitteeKey
	}
	return r.Committee
}

// councilShown is the council of the record shown, for the title bar.
func (v *detailView) councilShown() string {
	if !v.loaded {
		return ""
	}
	if c := councilNameOf(v.sh, v.rec.CommitteeKey); c != "" {
		return c
	}
	return v.rec.Council
}
