package moderngov

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"strings"

	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

// A Bundle is one synced meeting as the library stores it: what the web
// service said about the meeting (its committee, date, items with their
// minutes, attendees) and, when the meeting has no per-item minutes, its
// printed-minutes PDF. It is the "document" a synced meeting is imported
// from: its content hash tells a changed minute from an unchanged one, and
// ParseBundle reads it again when the library is re-parsed, so a synced
// meeting goes through every parser stage just as an imported file does.
//
// Only what the minutes are read from is kept (no photos, agenda text or
// publication stamps), so the bundle of an unchanged meeting is the same
// bytes at every sync.
type Bundle struct {
	Format      string           `json:"format"` // BundleFormat, first so IsBundle can tell
	Version     int              `json:"version"`
	Site        string           `json:"site"`
	Council     string           `json:"council,omitempty"`
	CommitteeID string           `json:"committee_id"`
	Committee   string           `json:"committee"`
	MeetingID   string           `json:"meeting_id"`
	Date        string           `json:"date"` // YYYY-MM-DD
	Time        string           `json:"time,omitempty"`
	Items       []BundleItem     `json:"items"`
	Attendees   []BundleAttendee `json:"attendees"`
	// PrintedMinutes is the meeting's printed minutes, fetched when no
	// item carries its minute.
	PrintedMinutes *BundleDocument `json:"printed_minutes,omitempty"`
}

// BundleItem is one agenda item and its minute.
type BundleItem struct {
	ID         string `json:"id"`
	Number     string `json:"number"`            // the minute number: "5", "5(a)"
	Display    string `json:"display,omitempty"` // the agenda's number, when it is another
	Title      string `json:"title"`
	Restricted bool   `json:"restricted,omitempty"`
	HTML       string `json:"html,omitempty"` // the minute, as the service gives it
}

// BundleAttendee is one person the service lists for the meeting.
type BundleAttendee struct {
	Name       string `json:"name"`
	Role       string `json:"role,omitempty"`
	Attendance string `json:"attendance,omitempty"`
}

// BundleDocument is a fetched document.
type BundleDocument struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Data  []byte `json:"data"`
}

// BundleFormat marks a bundle; BundleVersion is the version this
// minutebook writes and reads.
const (
	BundleFormat  = "minutebook-moderngov-meeting"
	BundleVersion = 1
)

var bundlePrefix = []byte(`{"format":"` + BundleFormat + `"`)

// IsBundle reports whether a stored document is a Bundle.
func IsBundle(data []byte) bool { return bytes.HasPrefix(data, bundlePrefix) }

// ErrNoMinutes: the service says the minutes are published but gives
// neither per-item minutes nor a printed-minutes document.
var ErrNoMinutes = errors.New("no minutes text")

// NewBundle gathers what the library keeps of one meeting.
func NewBundle(site Site, council string, c Committee, m *Meeting) (*Bundle, error) {
	d, err := ParseDate(m.Date)
	if err != nil {
		return nil, err
	}
	b := &Bundle{
		Format: BundleFormat, Version: BundleVersion, Site: site.String(), Council: oneLine(council),
		CommitteeID: oneLine(c.ID), Committee: c.Name(), MeetingID: oneLine(m.ID), Date: d.String(), Time: oneLine(m.Time),
		Items: []BundleItem{}, Attendees: []BundleAttendee{},
	}
	for _, it := range m.Items {
		bi := BundleItem{ID: oneLine(it.ID), Number: it.Number(), Title: oneLine(it.Title), Restricted: it.IsRestricted()}
		if disp := strings.TrimRight(oneLine(it.DisplayNumber), "."); disp != "" && disp != bi.Number {
			bi.Display = disp
		}
		if it.HasMinutes() {
			bi.HTML = strings.TrimSpace(it.MinutesBody)
		}
		b.Items = append(b.Items, bi)
	}
	for _, a := range m.Attendees {
		if name := oneLine(a.Name); name != "" {
			b.Attendees = append(b.Attendees, BundleAttendee{Name: name, Role: oneLine(a.Role), Attendance: oneLine(a.Attendance)})
		}
	}
	return b, nil
}

// HasItemMinutes reports whether any item carries its minute.
func (b *Bundle) HasItemMinutes() bool {
	for _, it := range b.Items {
		if strings.TrimSpace(it.HTML) != "" {
			return true
		}
	}
	return false
}

// PrintedMinutesLink finds the meeting's printed-minutes document among
// the documents linked to the meeting and its items: public, and titled
// "Printed minutes" (the name Modern.gov gives the minutes it prints).
// The minutes of an earlier meeting, attached to its "Minutes" item for
// approval, are never taken.
func PrintedMinutesLink(m *Meeting) (LinkedDoc, bool) {
	docs := append([]LinkedDoc{}, m.Documents...)
	for _, it := range m.Items {
		docs = append(docs, it.LinkedDocuments...)
	}
	for _, d := range docs {
		if d.IsRestricted() || strings.TrimSpace(d.URL) == "" {
			continue
		}
		if t := strings.ToLower(oneLine(d.Title)); strings.HasPrefix(t, "printed minutes") {
			return d, true
		}
	}
	return LinkedDoc{}, false
}

// Encode writes the bundle. The same bundle always gives the same bytes.
func (b *Bundle) Encode() []byte {
	data, err := json.Marshal(b)
	if err != nil {
		panic(err) // strings, bools and bytes always marshal
	}
	return data
}

// DecodeBundle reads a stored bundle.
func DecodeBundle(data []byte) (*Bundle, error) {
	if !IsBundle(data) {
		return nil, errors.New("not a synced meeting")
	}
	var b Bundle
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("the synced meeting is damaged: %w", err)
	}
	if b.Version > BundleVersion {
		return nil, fmt.Errorf("the meeting was synced by a newer minutebook (bundle version %d; this one reads %d): install a newer minutebook", b.Version, BundleVersion)
	}
	return &b, nil
}

// Name is how a bundle is named as a source document, in messages and in
// the record detail: "Audit Committee 2026-02-10 (democracy.example.gov.uk meeting 4967)".
func (b *Bundle) Name() string {
	site, _ := ParseSite(b.Site)
	return fmt.Sprintf("%s %s (%s meeting %s)", b.Committee, b.Date, site.Host(), b.MeetingID)
}

// ParseBundle reads a stored bundle into a meeting: the per-item minutes
// as one document (item numbers and titles as headings), or the printed
// minutes through the PDF reader, run through the whole parser with the
// committee and date the service gave; then the service's restricted flags
// mark exempt items, its attendees fill or check the attendance, and the
// meeting and its items get the addresses of their pages.
func ParseBundle(ctx context.Context, name string, data []byte, lim extract.Limits) (*minutes.Meeting, error) {
	b, err := DecodeBundle(data)
	if err != nil {
		return nil, err
	}
	date, err := minutes.ParseISODate(b.Date)
	if err != nil {
		return nil, fmt.Errorf("the synced meeting is damaged: %w", err)
	}
	site, err := ParseSite(b.Site)
	if err != nil {
		return nil, fmt.Errorf("the synced meeting is damaged: %w", err)
	}
	opt := minutes.Options{Name: name, Committee: b.Committee, Date: date, KnownMinutes: true}
	var m *minutes.Meeting
	var readerWarnings []string
	switch {
	case b.HasItemMinutes():
		text, warns, err := b.Text(ctx, lim)
		if err != nil {
			return nil, err
		}
		readerWarnings = warns
		m, err = minutes.ParseBytes([]byte(text), opt)
		if err != nil {
			return nil, err
		}
	case b.PrintedMinutes != nil && len(b.PrintedMinutes.Data) > 0:
		res, err := extract.Text(ctx, documentName(b.PrintedMinutes), b.PrintedMinutes.Data, lim)
		if err != nil {
			return nil, err
		}
		readerWarnings = res.Warnings
		m, err = minutes.ParseBytes([]byte(res.Text), opt)
		if err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%w: the site gives neither per-item minutes nor printed minutes for this meeting", ErrNoMinutes)
	}
	for _, w := range readerWarnings {
		m.Warnings = append(m.Warnings, minutes.Warning{Msg: minutes.Sanitize(w)})
	}
	if b.Council != "" {
		m.Council = b.Council // the source's name for the council beats the parser's guess
	}
	m.Source.URL = site.MeetingPage(b.CommitteeID, b.MeetingID)
	b.markItems(m, site)
	mergeAttendance(m, b.Attendees)
	return m, nil
}

func documentName(d *BundleDocument) string {
	name := oneLine(d.Title)
	if name == "" {
		name = "printed minutes"
	}
	return name + ".pdf"
}

// Text is the meeting's per-item minutes as one document: a header
// naming the council, committee and date, then each item with a minute
// (or restricted) under a heading of its number and title, with the
// agenda's "(Item N)" reference as Modern.gov prints it. HTML bodies go
// through the HTML reader, so scripts, styles and escape sequences are
// dropped. It returns the reader's warnings.
func (b *Bundle) Text(ctx context.Context, lim extract.Limits) (string, []string, error) {
	var sb strings.Builder
	if b.Council != "" {
		sb.WriteString(b.Council + "\n")
	}
	sb.WriteString(b.Committee + "\n")
	held := "Minutes of the meeting held"
	if d, err := minutes.ParseISODate(b.Date); err == nil {
		held += " on " + d.Time().Format("Monday 2 January 2006")
	}
	if b.Time != "" {
		held += " at " + b.Time
	}
	sb.WriteString(held + "\n\n")
	var warns []string
	for _, it := range b.Items {
		if strings.TrimSpace(it.HTML) == "" && !it.Restricted {
			continue
		}
		heading := it.Title
		if heading == "" {
			heading = "Item"
		}
		if it.Number != "" {
			heading = it.Number + ". " + heading
		}
		sb.WriteString(heading + "\n")
		if ref := it.Display; ref != "" || it.Number != "" {
			if ref == "" {
				ref = it.Number
			}
			sb.WriteString("(Item " + ref + ")\n")
		}
		sb.WriteString("\n")
		if body := strings.TrimSpace(it.HTML); body != "" {
			text, w, err := htmlText(ctx, it, body, lim)
			if err != nil {
				return "", nil, err
			}
			warns = append(warns, w...)
			sb.WriteString(text)
			sb.WriteString("\n\n")
		}
	}
	return sb.String(), warns, nil
}

// htmlText reads one item's minute through the HTML reader.
func htmlText(ctx context.Context, it BundleItem, body string, lim extract.Limits) (string, []string, error) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + html.EscapeString(it.Title) + `</title></head><body>` + body + `</body></html>`
	res, err := extract.Text(ctx, "minute "+it.Number+".html", []byte(page), lim)
	if errors.Is(err, extract.ErrNoText) || errors.Is(err, extract.ErrEmpty) {
		return "", nil, nil // a minute with no text (an image, an empty paragraph)
	}
	if err != nil {
		return "", nil, fmt.Errorf("the minute of item %s: %w", oneLine(it.Number), err)
	}
	var warns []string
	for _, w := range res.Warnings {
		warns = append(warns, "item "+it.Number+": "+w)
	}
	return strings.TrimSpace(res.Text), warns, nil
}

// numberKey is how minute numbers are matched: "5.", "5", " 5 " are one;
// "5(a)" and "5a" are one.
func numberKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimRight(s, ".")
	return strings.NewReplacer("(", "", ")", "", " ", "").Replace(s)
}

// markItems gives the parsed items their pages and exempt flags from the
// service's items, matched by minute number, and warns when items with a
// minute on the site were not found as items.
func (b *Bundle) markItems(m *minutes.Meeting, site Site) {
	byNumber := map[string]*BundleItem{}
	for i := range b.Items {
		it := &b.Items[i]
		for _, k := range []string{numberKey(it.Number), numberKey(it.Display)} {
			if k != "" && byNumber[k] == nil {
				byNumber[k] = it
			}
		}
	}
	found := map[string]bool{}
	for i := range m.Items {
		pi := &m.Items[i]
		pi.URL = m.Source.URL
		it := byNumber[numberKey(pi.Number)]
		if it == nil {
			continue
		}
		found[it.ID] = true
		if it.ID != "" {
			pi.URL = site.ItemPage(it.ID)
		}
		if it.Restricted {
			pi.Exempt = true
		}
	}
	if !b.HasItemMinutes() {
		return
	}
	var missing []string
	for _, it := range b.Items {
		if strings.TrimSpace(it.HTML) != "" && !found[it.ID] {
			missing = append(missing, it.Number)
		}
	}
	if len(missing) > 0 {
		m.Warnings = append(m.Warnings, minutes.Warning{Msg: fmt.Sprintf("the council's site has minutes for %s not found as items of their own (their text is in the item before)",
			listNumbers("item", missing))})
	}
}

func listNumbers(what string, nums []string) string {
	if len(nums) > 8 {
		nums = append(nums[:8:8], "…")
	}
	if len(nums) == 1 {
		return what + " " + nums[0]
	}
	return what + "s " + strings.Join(nums, ", ")
}
