package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

	"github.com/minutebook/minutebook/index"
)

// Colours are adaptive: lipgloss picks Light or Dark from the terminal's
// background, which the TUI settles before it starts (see terminal.go).
var (
	colAccent   = lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#B4A0FF"}
	colText     = lipgloss.AdaptiveColor{Light: "#1C1C1C", Dark: "#E4E4E4"}
	colDim      = lipgloss.AdaptiveColor{Light: "#767676", Dark: "#8A8A8A"}
	colFaint    = lipgloss.AdaptiveColor{Light: "#A8A8A8", Dark: "#5F5F5F"}
	colSelectBg = lipgloss.AdaptiveColor{Light: "#E2DCF7", Dark: "#3A3160"}
	colMatchBg  = lipgloss.AdaptiveColor{Light: "#FFE98A", Dark: "#6B5A00"}
	colBannerBg = lipgloss.AdaptiveColor{Light: "#FFF3C4", Dark: "#4A3B00"}
	colOK       = lipgloss.AdaptiveColor{Light: "#00774A", Dark: "#5FD7A0"}
	colError    = lipgloss.AdaptiveColor{Light: "#B00020", Dark: "#FF6B6B"}
)

// flagColours are the flag colours, defined once: the due board's group
// headers and badges, search results and the detail view all use them.
var flagColours = map[index.Flag]lipgloss.AdaptiveColor{
	index.FlagOverdue:  {Light: "#B00020", Dark: "#FF5F5F"},
	index.FlagSlipped:  {Light: "#A34A00", Dark: "#FF8C42"},
	index.FlagDueNext:  {Light: "#9A6700", Dark: "#FFC24B"},
	index.FlagDueSoon:  {Light: "#6F6A00", Dark: "#E0D860"},
	index.FlagUpcoming: {Light: "#005FAF", Dark: "#6CB6FF"},
	index.FlagUndated:  {Light: "#5F5F5F", Dark: "#B0B0B0"},
	index.FlagReturned: {Light: "#00774A", Dark: "#5FD7A0"},
	index.FlagDone:     {Light: "#6C6C6C", Dark: "#7A7A7A"},
	flagReview:         {Light: "#5A3FC0", Dark: "#B4A0FF"},
}

// statusColours colour a record's status on the due board: the work
// under way stands out, closed work recedes.
var statusColours = map[index.Status]lipgloss.AdaptiveColor{
	index.StatusOpen:       {Light: "#767676", Dark: "#8A8A8A"},
	index.StatusInProgress: {Light: "#005FAF", Dark: "#6CB6FF"},
	index.StatusDone:       {Light: "#00774A", Dark: "#5FD7A0"},
	index.StatusDropped:    {Light: "#767676", Dark: "#8A8A8A"},
}

// kindColours colour the record kinds in search results and item text.
var kindColours = map[string]lipgloss.AdaptiveColor{
	"resolution": {Light: "#005F87", Dark: "#7FD4FF"},
	"action":     {Light: "#8A3FC0", Dark: "#D7A0FF"},
	"followup":   {Light: "#9A6700", Dark: "#FFC24B"},
	"item":       {Light: "#5F5F5F", Dark: "#B0B0B0"},
}

// flagBadges are the short flag labels that fit a table column.
var flagBadges = map[index.Flag]string{
	index.FlagOverdue:  "OVERDUE",
	index.FlagSlipped:  "SLIPPED",
	index.FlagDueNext:  "NEXT MTG",
	index.FlagDueSoon:  "SOON",
	index.FlagUpcoming: "UPCOMING",
	index.FlagUndated:  "UNDATED",
	index.FlagReturned: "RETURNED",
	index.FlagDone:     "DONE",
	flagReview:         "REVIEW",
}

// kindBadges are the short record-kind labels.
var kindBadges = map[string]string{
	"resolution": "RESOLVED",
	"action":     "ACTION",
	"followup":   "FOLLOW-UP",
	"item":       "ITEM",
	"meeting":    "MEETING", // a search hit on a meeting's attendance
}

// Styles is every style the TUI draws with. DefaultStyles gives the
// coloured set and NoColorStyles the set for NO_COLOR; tests may build
// their own.
type Styles struct {
	AppName   lipgloss.Style // "minutebook" in the title bar
	Tab       lipgloss.Style // an inactive view's name in the title bar
	ActiveTab lipgloss.Style // the shown view's name
	AsOf      lipgloss.Style // the as-of date in the title bar
	Banner    lipgloss.Style // the sample-library banner

	Heading    lipgloss.Style // a view's own first line
	ColumnHead lipgloss.Style // table column names
	Text       lipgloss.Style
	Dim        lipgloss.Style // secondary text: dates, IDs, counts
	Faint      lipgloss.Style // rules and placeholders
	Label      lipgloss.Style // "Source", "Owner" in the detail view
	Cursor     lipgloss.Style // the "▸" in front of the selected row
	Selected   lipgloss.Style // the selected row
	Match      lipgloss.Style // a matched word in a search excerpt

	Chip        lipgloss.Style // a facet value
	ChipActive  lipgloss.Style // a facet value in use as a filter
	ChipFocused lipgloss.Style // the facet value under the cursor

	Note lipgloss.Style // a record's latest note on the due board

	Mark         lipgloss.Style // a record's text inside an item's text
	MarkSelected lipgloss.Style // the selected record's text
	Span         lipgloss.Style // the text selected to make a record of
	Rejected     lipgloss.Style // a record a clerk rejected

	Prompt      lipgloss.Style // an inline form's prompt
	InputCursor lipgloss.Style // the cursor of a text field
	OK          lipgloss.Style // a confirmation: "Saved: marked done"
	Error       lipgloss.Style

	Help help.Styles

	flags    map[index.Flag]lipgloss.Style
	kinds    map[string]lipgloss.Style
	statuses map[index.Status]lipgloss.Style
}

// DefaultStyles returns the coloured styles, adaptive to light and dark
// terminals, for lipgloss's default renderer (the terminal's).
func DefaultStyles() Styles { return NewStyles(lipgloss.DefaultRenderer()) }

// NoColorStyles returns styles without colour, for NO_COLOR and
// --no-color, for lipgloss's default renderer.
func NoColorStyles() Styles { return NewNoColorStyles(lipgloss.DefaultRenderer()) }

// NewStyles returns the coloured styles, drawn by r: its colour profile
// and background decide what they look like (tests pass a renderer of
// their own, so that nothing global decides).
func NewStyles(r *lipgloss.Renderer) Styles {
	s := Styles{
		AppName:   r.NewStyle().Bold(true).Foreground(colAccent),
		Tab:       r.NewStyle().Foreground(colDim),
		ActiveTab: r.NewStyle().Bold(true).Underline(true).Foreground(colText),
		AsOf:      r.NewStyle().Foreground(colText),
		Banner:    r.NewStyle().Background(colBannerBg).Foreground(colText),

		Heading:    r.NewStyle().Bold(true).Foreground(colText),
		ColumnHead: r.NewStyle().Foreground(colDim),
		Text:       r.NewStyle().Foreground(colText),
		Dim:        r.NewStyle().Foreground(colDim),
		Faint:      r.NewStyle().Foreground(colFaint),
		Label:      r.NewStyle().Foreground(colDim),
		Cursor:     r.NewStyle().Bold(true).Foreground(colAccent),
		Selected:   r.NewStyle().Bold(true).Background(colSelectBg).Foreground(colText),
		Match:      r.NewStyle().Bold(true).Background(colMatchBg).Foreground(colText),

		Chip:        r.NewStyle().Foreground(colDim),
		ChipActive:  r.NewStyle().Bold(true).Foreground(colAccent),
		ChipFocused: r.NewStyle().Bold(true).Background(colSelectBg).Foreground(colText),

		Note: r.NewStyle().Italic(true).Foreground(colText),

		Mark:         r.NewStyle().Underline(true),
		MarkSelected: r.NewStyle().Underline(true).Bold(true).Background(colSelectBg),
		Span:         r.NewStyle().Background(colMatchBg).Foreground(colText),
		Rejected:     r.NewStyle().Strikethrough(true).Foreground(colDim),

		Prompt:      r.NewStyle().Bold(true).Foreground(colAccent),
		InputCursor: r.NewStyle(),
		OK:          r.NewStyle().Bold(true).Foreground(colOK),
		Error:       r.NewStyle().Bold(true).Foreground(colError),

		Help: help.Styles{
			ShortKey:       r.NewStyle().Foreground(colText),
			ShortDesc:      r.NewStyle().Foreground(colDim),
			ShortSeparator: r.NewStyle().Foreground(colFaint),
			Ellipsis:       r.NewStyle().Foreground(colFaint),
			FullKey:        r.NewStyle().Foreground(colText),
			FullDesc:       r.NewStyle().Foreground(colDim),
			FullSeparator:  r.NewStyle().Foreground(colFaint),
		},
		flags:    map[index.Flag]lipgloss.Style{},
		kinds:    map[string]lipgloss.Style{},
		statuses: map[index.Status]lipgloss.Style{},
	}
	for f, c := range flagColours {
		s.flags[f] = r.NewStyle().Bold(true).Foreground(c)
	}
	for k, c := range kindColours {
		s.kinds[k] = r.NewStyle().Bold(true).Foreground(c)
	}
	for st, c := range statusColours {
		s.statuses[st] = r.NewStyle().Foreground(c)
	}
	s.statuses[index.StatusInProgress] = s.statuses[index.StatusInProgress].Bold(true)
	return s
}

// NewNoColorStyles returns styles without colour, drawn by r: emphasis is
// carried by bold, underline and reverse video.
func NewNoColorStyles(r *lipgloss.Renderer) Styles {
	plain := r.NewStyle()
	bold := plain.Bold(true)
	s := Styles{
		AppName:   bold,
		Tab:       plain,
		ActiveTab: bold.Underline(true),
		AsOf:      plain,
		Banner:    plain.Reverse(true),

		Heading:    bold,
		ColumnHead: plain.Faint(true),
		Text:       plain,
		Dim:        plain,
		Faint:      plain.Faint(true),
		Label:      plain.Faint(true),
		Cursor:     bold,
		Selected:   plain.Reverse(true),
		Match:      bold.Underline(true),

		Chip:        plain,
		ChipActive:  bold.Underline(true),
		ChipFocused: plain.Reverse(true),

		Note: plain.Italic(true),

		Mark:         plain.Underline(true),
		MarkSelected: plain.Underline(true).Reverse(true),
		Span:         plain.Reverse(true),
		Rejected:     plain.Strikethrough(true),

		Prompt:      bold,
		InputCursor: plain,
		OK:          bold,
		Error:       bold,

		Help: help.Styles{
			ShortKey:       bold,
			ShortDesc:      plain,
			ShortSeparator: plain,
			Ellipsis:       plain,
			FullKey:        bold,
			FullDesc:       plain,
			FullSeparator:  plain,
		},
		flags:    map[index.Flag]lipgloss.Style{},
		kinds:    map[string]lipgloss.Style{},
		statuses: map[index.Status]lipgloss.Style{index.StatusInProgress: bold},
	}
	for f := range flagColours {
		s.flags[f] = bold
	}
	for k := range kindColours {
		s.kinds[k] = bold
	}
	return s
}

// Flag returns the style of a flag's badge and group heading.
func (s Styles) Flag(f index.Flag) lipgloss.Style {
	if st, ok := s.flags[f]; ok {
		return st
	}
	return s.Dim
}

// Status returns the style of a status on the due board.
func (s Styles) Status(st index.Status) lipgloss.Style {
	if x, ok := s.statuses[st]; ok {
		return x
	}
	return s.Dim
}

// Kind returns the style of a record kind's badge.
func (s Styles) Kind(kind string) lipgloss.Style {
	if st, ok := s.kinds[kind]; ok {
		return st
	}
	return s.Dim
}

// flagBadge is the flag's short label: "OVERDUE", "NEXT MTG".
func flagBadge(f index.Flag) string {
	if b, ok := flagBadges[f]; ok {
		return b
	}
	return ""
}

// kindBadge is the kind's short label: "ACTION".
func kindBadge(kind string) string {
	if b, ok := kindBadges[kind]; ok {
		return b
	}
	return kind
}

// statusLabel is a status as a person reads it.
func statusLabel(s index.Status) string {
	switch s {
	case index.StatusInProgress:
		return "in progress"
	case "":
		return "open"
	}
	return string(s)
}
