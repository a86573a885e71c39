package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/simple"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	simpleFragmenter "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simpleHighlighter "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// MappingVersion is the version of the search index's mapping and of the
// documents built for it. Change it whenever NewMapping or the document
// fields change: an index of another version is rebuilt from the store.
const MappingVersion = 5 // 5: council keys keep a local tier word (store migration 8)

// docType is the one bleve document type: records and items alike, told
// apart by their kind field.
const docType = "doc"

// NewMapping is the search index's mapping. The default mapping is
// disabled: only the fields below are indexed.
//
//	kind       keyword  "resolution", "action", "followup", "item", "meeting" (facet)
//	committee  keyword  the committee's name as the minutes give it  (facet)
//	committee_key keyword the committee's key (Committee.Key), for filters
//	council    keyword  the key of the committee's council (store.CouncilKey), for
//	                    filters; none when not known                 (facet)
//	meeting    keyword  the meeting ID (how a meeting's documents are found)
//	date       datetime the meeting date
//	year       keyword  the meeting's year                           (facet)
//	minute     keyword  the item number as printed
//	title      text     the item's title, English analyser
//	text       text     the record's text (an item's body), English analyser
//	owner      text     the effective owner, English analyser
//	due        datetime the effective due date
//	status     keyword  the tracking status; none for resolutions and items (facet)
//	present    text     a meeting's chair, members present, substitutes and
//	                    those in attendance; simple analyser (names)
//	apologies  text     who sent apologies
//	absent     text     who was absent
//
// A record's document holds its text; an item's, its body; a meeting's,
// its attendance as a sentence ("Present: …; Apologies: …"). A query with
// no field searches title, text and owner.
func NewMapping() mapping.IndexMapping {
	keywordField := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	textField := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = true
		f.IncludeTermVectors = true // for highlighting
		f.IncludeInAll = true
		f.DocValues = false
		return f
	}
	dateField := func() *mapping.FieldMapping {
		f := bleve.NewDateTimeFieldMapping()
		f.IncludeInAll = false
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("kind", keywordField(true))
	doc.AddFieldMappingsAt("committee", keywordField(true))
	doc.AddFieldMappingsAt("committee_key", keywordField(false))
	doc.AddFieldMappingsAt("council", keywordField(true))
	doc.AddFieldMappingsAt("meeting", keywordField(true))
	doc.AddFieldMappingsAt("date", dateField())
	doc.AddFieldMappingsAt("year", keywordField(false))
	doc.AddFieldMappingsAt("minute", keywordField(true))
	doc.AddFieldMappingsAt("title", textField())
	doc.AddFieldMappingsAt("text", textField())
	owner := textField()
	owner.IncludeTermVectors = false
	doc.AddFieldMappingsAt("owner", owner)
	doc.AddFieldMappingsAt("due", dateField())
	doc.AddFieldMappingsAt("status", keywordField(true))
	for _, name := range []string{"present", "apologies", "absent"} {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = simple.Name
		f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = false, false, false, false
		doc.AddFieldMappingsAt(name, f)
	}
	// facet holds "committee:…", "council:…", "kind:…", "year:…" and
	// "status:…" in one field, so that facets read one field's doc values
	// per hit, not five.
	facet := keywordField(false)
	facet.Index = true
	facet.DocValues = true
	doc.AddFieldMappingsAt("facet", facet)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	m.AddDocumentMapping(docType, doc)
	m.DefaultType = docType
	m.DefaultAnalyzer = en.AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}

// facetFields are the fields search results are counted by.
var facetFields = []string{"committee", "council", "kind", "year", "status"}

// Document is the one function that makes a search document: what the
// index holds for a meeting (its attendance), an item or a record. Empty
// fields are left out, so that facets and filters see no empty values.
func Document(d store.FeedDoc) map[string]any {
	fields := make([]struct{ name, value string }, 0, 16)
	add := func(name, value string) {
		if value != "" {
			fields = append(fields, struct{ name, value string }{name, value})
		}
	}
	add("kind", d.Kind)
	if m := d.Meeting; m != nil {
		add("committee", m.Committee)
		add("committee_key", m.CommitteeKey)
		add("council", m.CouncilKey)
		add("meeting", m.ID)
		add("date", m.Date)
		if len(m.Date) >= 4 {
			add("year", m.Date[:4])
		}
	}
	add("minute", d.Minute)
	add("title", d.Title)
	text := d.Text
	if d.Kind == string(DocMeeting) && d.Meeting != nil {
		a := d.Meeting.Attendance
		text = attendanceText(a)
		add("present", strings.Join(present(a), "; "))
		add("apologies", strings.Join(a.Apologies, "; "))
		add("absent", strings.Join(a.Absent, "; "))
	}
	add("text", text)
	add("owner", d.Owner)
	add("due", d.Due)
	add("status", string(d.Status))
	m := make(map[string]any, len(fields)+1)
	for _, f := range fields {
		m[f.name] = f.value
	}
	facets := make([]string, 0, len(facetFields))
	for _, f := range facetFields {
		if v, ok := m[f].(string); ok {
			facets = append(facets, f+":"+v)
		}
	}
	m["facet"] = facets
	return m
}

// present is everyone a meeting's minutes record as there: the chair,
// members present, those in attendance, and substitutes.
func present(a minutes.Attendance) []string {
	var out []string
	if a.Chair != "" {
		out = append(out, a.Chair)
	}
	out = append(out, a.Present...)
	out = append(out, a.InAttendance...)
	for _, s := range a.Substitutes {
		out = append(out, s.Substitute)
	}
	return out
}

// attendanceText is a meeting's attendance as a sentence to search and
// show: "Chair: …. Present: …. Apologies: …".
func attendanceText(a minutes.Attendance) string {
	var parts []string
	add := func(label string, names []string) {
		if len(names) > 0 {
			parts = append(parts, label+": "+strings.Join(names, ", "))
		}
	}
	if a.Chair != "" {
		add("Chair", []string{a.Chair})
	}
	add("Present", a.Present)
	add("In attendance", a.InAttendance)
	var subs []string
	for _, s := range a.Substitutes {
		subs = append(subs, s.Substitute+" for "+s.Member)
	}
	add("Substitutes", subs)
	add("Apologies", a.Apologies)
	add("Absent", a.Absent)
	return strings.Join(parts, ". ")
}

// Highlights are marked with two private-use characters, never with
// terminal escapes or HTML, and split into Spans.
const (
	markOpen  = "\ue000"
	markClose = "\ue001"
	// highlighterName is our highlighter in bleve's registry.
	highlighterName = "minutebook-marks"
	excerptRunes    = 180
)

// unmark drops the marker characters from text. Made once: a Replacer
// builds its tables on first use, and a search's hits clean many pieces.
var unmark = strings.NewReplacer(markOpen, "", markClose, "")

func init() {
	err := registry.RegisterHighlighter(highlighterName, func(map[string]interface{}, *registry.Cache) (highlight.Highlighter, error) {
		return simpleHighlighter.NewHighlighter(simpleFragmenter.NewFragmenter(excerptRunes), markFormatter{}, "…"), nil
	})
	if err != nil {
		panic(err)
	}
}

// markFormatter writes a fragment with its matched terms between
// markOpen and markClose, dropping any marker characters the text itself
// holds.
type markFormatter struct{}

func (markFormatter) Format(f *highlight.Fragment, locs highlight.TermLocations) string {
	var b strings.Builder
	clean := func(s []byte) string {
		return unmark.Replace(string(s))
	}
	cur := f.Start
	for _, l := range locs {
		if l == nil || !l.ArrayPositions.Equals(f.ArrayPositions) || l.Start < cur {
			continue
		}
		if l.End > f.End {
			break
		}
		b.WriteString(clean(f.Orig[cur:l.Start]))
		b.WriteString(markOpen)
		b.WriteString(clean(f.Orig[l.Start:l.End]))
		b.WriteString(markClose)
		cur = l.End
	}
	b.WriteString(clean(f.Orig[cur:f.End]))
	return b.String()
}

// Span is a run of excerpt text, Match when it is a matched word.
type Span struct {
	Text  string
	Match bool
}

// spans splits a marked fragment into Spans, trimming the word cut in
// half at either end of the fragment.
func spans(s string) []Span {
	var out []Span
	if strings.HasPrefix(s, "…") {
		rest := strings.TrimPrefix(s, "…")
		if i := strings.IndexAny(rest, " \n"); i >= 0 && !strings.Contains(rest[:i], markOpen) {
			rest = rest[i+1:]
		}
		s = "…" + rest
	}
	if strings.HasSuffix(s, "…") {
		rest := strings.TrimSuffix(s, "…")
		if i := strings.LastIndexAny(rest, " \n"); i >= 0 && !strings.Contains(rest[i:], markClose) {
			rest = rest[:i]
		}
		s = rest + "…"
	}
	for s != "" {
		i := strings.Index(s, markOpen)
		if i < 0 {
			out = appendSpan(out, s, false)
			break
		}
		out = appendSpan(out, s[:i], false)
		s = s[i+len(markOpen):]
		j := strings.Index(s, markClose)
		if j < 0 {
			out = appendSpan(out, s, true)
			break
		}
		out = appendSpan(out, s[:j], true)
		s = s[j+len(markClose):]
	}
	return out
}

func appendSpan(out []Span, text string, match bool) []Span {
	text = unmark.Replace(text)
	if text == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].Match == match {
		out[n-1].Text += text
		return out
	}
	return append(out, Span{Text: text, Match: match})
}
