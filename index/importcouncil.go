package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// ImportOptions say how to file a document being imported.
//
// Council is the council the minutes are of. It fills in the council
// only when the minutes do not name one; minutes that name another
// council (matched as councils are: "Harrow Council" and "London Borough
// of Harrow" are one) keep the council they name, with a warning, unless
// ForceCouncil is set, when they are filed under Council all the same
// (with a warning saying so). The council given is kept with the
// document, so that a re-parse files it the same way.
type ImportOptions struct {
	Council      string
	ForceCouncil bool
}

// maxCouncilName is the longest council name an import takes, in
// characters.
const maxCouncilName = 200

// ErrBadCouncil is the error for a council name an import cannot take.
var ErrBadCouncil = errors.New("bad council name")

// Check says what is wrong with the options (an ErrBadCouncil), before
// any document is read.
func (o ImportOptions) Check() error {
	_, err := o.council()
	return err
}

// council is the council the options give, cleaned as names from the
// minutes are.
func (o ImportOptions) council() (store.SourceCouncil, error) {
	if o.Council == "" {
		if o.ForceCouncil {
			return store.SourceCouncil{}, fmt.Errorf("%w: ForceCouncil needs a Council to file the minutes under", ErrBadCouncil)
		}
		return store.SourceCouncil{}, nil
	}
	name := strings.Join(strings.Fields(minutes.SanitizeLine(o.Council)), " ")
	switch {
	case name == "" || store.CouncilKey(name) == "":
		return store.SourceCouncil{}, fmt.Errorf("%w: %q has no letters or digits: give the council's name, such as \"Harrow Council\"", ErrBadCouncil, name)
	case utf8.RuneCountInString(name) > maxCouncilName:
		return store.SourceCouncil{}, fmt.Errorf("%w: the name is %d characters long; a council's name takes at most %d", ErrBadCouncil, utf8.RuneCountInString(name), maxCouncilName)
	}
	return store.SourceCouncil{Name: name, Force: o.ForceCouncil}, nil
}

// applyCouncil files m under the council given at import (see
// ImportOptions) and returns the council the minutes name when that is
// another ("" otherwise). The warning it adds is kept with the meeting.
func applyCouncil(m *minutes.Meeting, given store.SourceCouncil) string {
	named := strings.TrimSpace(m.Council)
	switch {
	case given.Name == "":
		return ""
	case named == "":
		m.Council = given.Name
		return ""
	case store.CouncilKey(named) == store.CouncilKey(given.Name):
		return "" // the same council: the minutes' spelling is kept
	case given.Force:
		m.Council = given.Name
		m.Warnings = append(m.Warnings, minutes.Warning{Msg: fmt.Sprintf(
			"the minutes name the council %q; filed under %q, as the import asked (--force-council)", named, given.Name)})
	default:
		m.Warnings = append(m.Warnings, minutes.Warning{Msg: fmt.Sprintf(
			"the minutes name the council %q, not %q as given at import: filed under %q (import again with --force-council to file them under %q)",
			named, given.Name, named, given.Name)})
	}
	return named
}

// refile files bytes the library already holds under the council given
// anew, parsing their meeting again; res is the duplicate's result.
// Giving the council the document already has changes nothing.
func (l *Library) refile(ctx context.Context, res ImportResult, given store.SourceCouncil) (ImportResult, error) {
	s, err := l.store.Q().StoredSourceOf(ctx, res.Hash)
	if errors.Is(err, ErrNotFound) {
		return res, nil // another process dropped its meeting meanwhile
	} else if err != nil {
		return res, l.store.Wrap("import", err)
	}
	if s.Council.Name == given.Name && s.Council.Force == given.Force {
		return res, nil
	}
	s.Council = given
	out, err := l.reparseSource(ctx, s, true)
	if err != nil {
		return res, err
	}
	if out.failed != nil {
		return res, fmt.Errorf("the library holds this document but cannot file it under %s: %w", given.Name, out.failed)
	}
	res.Refiled, res.MeetingID, res.Council, res.CouncilNamed = out.changed, out.id, out.council, out.named
	return res, nil
}
