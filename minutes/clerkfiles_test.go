package minutes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The invented minutes under testdata/clerk/invented come with a
// NAME.clerk.json listing what a careful clerk would take from them (the
// format is testdata/clerk/README.md). TestInventedClerkFiles keeps
// those expectations honest: every key present, dates real, and every
// text, title, number and name taken from the document itself.

const inventedClerkDir = "testdata/clerk/invented"

type clerkFile struct {
	Notes   string `json:"notes"`
	Reject  bool   `json:"reject"`
	Meeting struct {
		Council     *string `json:"council"`
		Committee   *string `json:"committee"`
		Date        *string `json:"date"`
		Start       *string `json:"start"`
		End         *string `json:"end"`
		NextMeeting *string `json:"next_meeting"`
	} `json:"meeting"`
	Attendance struct {
		Chair        *string        `json:"chair"`
		Present      []string       `json:"present"`
		InAttendance []string       `json:"in_attendance"`
		Apologies    []string       `json:"apologies"`
		Absent       []string       `json:"absent"`
		Substitutes  []Substitution `json:"substitutes"`
	} `json:"attendance"`
	Items []struct {
		Number      string `json:"number"`
		Title       string `json:"title"`
		Exempt      bool   `json:"exempt"`
		Resolutions []struct {
			Text string `json:"text"`
		} `json:"resolutions"`
		Actions []struct {
			Text  string  `json:"text"`
			Owner *string `json:"owner"`
			Due   *string `json:"due"`
		} `json:"actions"`
		FollowUps []struct {
			Text       string  `json:"text"`
			Due        *string `json:"due"`
			DueMeeting *string `json:"due_meeting"`
		} `json:"followups"`
	} `json:"items"`
}

// clerkRequiredKeys are the keys every clerk file must spell out, by the
// object they belong to.
var clerkRequiredKeys = map[string][]string{
	"":           {"notes", "reject", "meeting", "attendance", "items"},
	"meeting":    {"council", "committee", "date", "start", "end", "next_meeting"},
	"attendance": {"chair", "present", "in_attendance", "apologies", "absent", "substitutes"},
	"item":       {"number", "title", "exempt", "resolutions", "actions", "followups"},
	"resolution": {"text"},
	"action":     {"text", "owner", "due"},
	"followup":   {"text", "due", "due_meeting"},
}

// missingClerkKeys lists the required keys a clerk file leaves out.
func missingClerkKeys(data []byte) []string {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return []string{err.Error()}
	}
	var missing []string
	need := func(where string, obj map[string]json.RawMessage, kind string) {
		for _, k := range clerkRequiredKeys[kind] {
			if _, ok := obj[k]; !ok {
				missing = append(missing, where+k)
			}
		}
	}
	need("", top, "")
	if string(top["reject"]) == "true" {
		return missing
	}
	for _, kind := range []string{"meeting", "attendance"} {
		var obj map[string]json.RawMessage
		_ = json.Unmarshal(top[kind], &obj)
		need(kind+".", obj, kind)
	}
	var items []map[string]json.RawMessage
	_ = json.Unmarshal(top["items"], &items)
	for i, it := range items {
		where := fmt.Sprintf("items[%d].", i)
		need(where, it, "item")
		for _, kind := range []string{"resolution", "action", "followup"} {
			var recs []map[string]json.RawMessage
			_ = json.Unmarshal(it[kind+"s"], &recs)
			for j, r := range recs {
				need(fmt.Sprintf("%s%ss[%d].", where, kind, j), r, kind)
			}
		}
	}
	return missing
}

var clerkTime = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)

// clerkDocText is the document in the forms a span may be copied from:
// whitespace collapsed, and also with words hyphenated across a line break
// re-joined (as a clerk would paste them).
type clerkDocText struct{ plain, joined, hyphen string }

func newClerkDocText(doc string) clerkDocText {
	collapse := func(s string) string { return strings.Join(strings.Fields(dropC1(s)), " ") }
	return clerkDocText{
		plain:  collapse(doc),
		joined: collapse(regexp.MustCompile(`(\pL)-[ \t]*\r?\n\s*(\pL)`).ReplaceAllString(doc, "$1$2")),
		hyphen: collapse(regexp.MustCompile(`-[ \t]*\r?\n\s*`).ReplaceAllString(doc, "-")),
	}
}

// clerkDocs is a document's text in the forms a clerk may have copied
// spans from.
type clerkDocs []clerkDocText

func (ds clerkDocs) has(span string) bool {
	return slices.ContainsFunc(ds, func(d clerkDocText) bool { return d.has(span) })
}

func (ds clerkDocs) hasFold(span string) bool {
	return slices.ContainsFunc(ds, func(d clerkDocText) bool { return d.hasFold(span) })
}

func (ds clerkDocs) hasWords(span string) bool {
	return slices.ContainsFunc(ds, func(d clerkDocText) bool { return d.hasWords(span) })
}

// has reports whether span was copied from the document: verbatim after
// collapsing whitespace, or, for a table cell that wraps across lines, as
// its words in order within a short stretch of the text.
func (d clerkDocText) has(span string) bool {
	s := strings.Join(strings.Fields(dropC1(span)), " ")
	if s == "" {
		return false
	}
	if strings.Contains(d.plain, s) || strings.Contains(d.joined, s) || strings.Contains(d.hyphen, s) {
		return true
	}
	want, toks := strings.Fields(s), strings.Fields(d.plain)
	for start, tok := range toks {
		if tok != want[0] {
			continue
		}
		k := 0
		for e := start; e < len(toks) && e-start <= 3*len(want)+6 && k < len(want); e++ {
			if toks[e] == want[k] {
				k++
			}
		}
		if k == len(want) {
			return true
		}
	}
	return false
}

// hasWords reports whether every word of a name occurs in the document
// (case-insensitively), so a name may be rearranged from "Surname, A" or
// expanded from initials the attendance list spells out.
func (d clerkDocText) hasWords(name string) bool {
	low := ocrFold(strings.ToLower(d.plain))
	for _, w := range strings.Fields(ocrFold(strings.ToLower(dropC1(name)))) {
		if w = strings.Trim(w, "()."); w != "" && w != "and" && !strings.Contains(low, w) {
			return false
		}
	}
	return true
}

// hasFold is has without regard to case, for phrases a clerk retypes
// ("next agenda" from "ITEMS FOR THE NEXT AGENDA").
func (d clerkDocText) hasFold(span string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(dropC1(span)), " "))
	return s != "" && strings.Contains(strings.ToLower(d.plain), s)
}

// dropC1 takes out C1 control characters: text decoded as Windows-1252
// keeps the bytes it has no letter for as them, invisible, and a clerk
// copying the text does not copy them.
func dropC1(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x80 && r <= 0x9f {
			return -1
		}
		return r
	}, s)
}

// ocrFold reads the digits OCR puts for letters as those letters (1 for
// l, 0 for o), so that a name a clerk put right is found in the scan.
func ocrFold(s string) string {
	return strings.NewReplacer("1", "l", "0", "o").Replace(s)
}

func TestInventedClerkFiles(t *testing.T) {
	docs, _ := filepath.Glob(filepath.Join(inventedClerkDir, "*.txt"))
	if len(docs) < 16 {
		t.Fatalf("%d invented minutes in %s, want at least 16", len(docs), inventedClerkDir)
	}
	dirs := []string{inventedClerkDir}
	subs, _ := filepath.Glob(filepath.Join(inventedClerkDir, "*", "*.clerk.json"))
	for _, j := range subs {
		if d := filepath.Dir(j); !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) { checkInventedClerkDir(t, dir) })
	}
}

// checkInventedClerkDir checks every clerk file in dir against the
// README's rules and its document.
func checkInventedClerkDir(t *testing.T, dir string) {
	docs, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	jsons, _ := filepath.Glob(filepath.Join(dir, "*.clerk.json"))
	for _, j := range jsons {
		if _, err := os.Stat(strings.TrimSuffix(j, ".clerk.json") + ".txt"); err != nil {
			t.Errorf("%s has no document beside it", j)
		}
	}
	for _, docPath := range docs {
		name := strings.TrimSuffix(filepath.Base(docPath), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(docPath)
			if err != nil {
				t.Fatal(err)
			}
			// Spans are copied from the document as it is (README: keep its
			// spelling), so from mis-decoded text they may be mis-decoded
			// too, or taken from the text repaired: either is the document's.
			doc := clerkDocs{newClerkDocText(string(raw))}
			if fixed, ok := repairMojibake(string(raw)); ok {
				doc = append(doc, newClerkDocText(fixed))
			}
			data, err := os.ReadFile(filepath.Join(dir, name+".clerk.json"))
			if err != nil {
				t.Fatal(err)
			}
			var c clerkFile
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&c); err != nil {
				t.Fatalf("decode: %v", err)
			}
			if c.Reject { // README: a not-minutes file needs nothing else
				return
			}
			for _, k := range missingClerkKeys(data) {
				t.Errorf("missing key %s", k)
			}
			checkDate := func(what string, s *string, meeting Date) {
				if s == nil {
					return
				}
				d, err := ParseISODate(*s)
				if err != nil {
					t.Errorf("%s: %v", what, err)
					return
				}
				if !meeting.IsZero() && d.Before(meeting) {
					t.Errorf("%s %s is before the meeting", what, *s)
				}
			}
			var meeting Date
			if c.Meeting.Date == nil {
				t.Error("no meeting date")
			} else if meeting, err = ParseISODate(*c.Meeting.Date); err != nil {
				t.Error(err)
			}
			checkDate("next_meeting", c.Meeting.NextMeeting, meeting)
			for what, v := range map[string]*string{"start": c.Meeting.Start, "end": c.Meeting.End} {
				if v != nil && !clerkTime.MatchString(*v) {
					t.Errorf("%s %q: want HH:MM", what, *v)
				}
			}
			a := c.Attendance
			if a.Chair != nil && !slices.Contains(a.Present, *a.Chair) {
				t.Errorf("the chair %q is not in present", *a.Chair)
			}
			seen := map[string]bool{}
			for _, list := range [][]string{a.Present, a.InAttendance, a.Apologies, a.Absent} {
				for _, n := range list {
					if seen[n] {
						t.Errorf("%q is listed twice", n)
					}
					seen[n] = true
					if !doc.hasWords(n) {
						t.Errorf("name %q is not in the document", n)
					}
				}
			}
			for _, it := range c.Items {
				if !doc.has(it.Title) {
					t.Errorf("item %s title %q is not in the document", it.Number, it.Title)
				}
				if it.Number != "" && !doc.has(it.Number) {
					t.Errorf("item number %q is not in the document", it.Number)
				}
				for _, r := range it.Resolutions {
					if !doc.has(r.Text) {
						t.Errorf("item %s resolution %q is not in the document", it.Number, r.Text)
					}
				}
				for _, r := range it.Actions {
					if !doc.has(r.Text) {
						t.Errorf("item %s action %q is not in the document", it.Number, r.Text)
					}
					if r.Owner != nil && !doc.hasWords(*r.Owner) {
						t.Errorf("item %s action owner %q is not in the document", it.Number, *r.Owner)
					}
					checkDate("item "+it.Number+" action due", r.Due, meeting)
				}
				for _, r := range it.FollowUps {
					if !doc.has(r.Text) {
						t.Errorf("item %s follow-up %q is not in the document", it.Number, r.Text)
					}
					if r.DueMeeting != nil && !doc.has(*r.DueMeeting) && !doc.hasFold(*r.DueMeeting) {
						t.Errorf("item %s follow-up due_meeting %q is not in the document", it.Number, *r.DueMeeting)
					}
					checkDate("item "+it.Number+" follow-up due", r.Due, meeting)
				}
			}
		})
	}
}
