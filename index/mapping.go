package index

import (
	"strings"

	"github.com/minutebook/minutebook/minutes"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/simple"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	simpleFragmenter "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simpleHighlighter "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
)

// MappingVersion is the version of the search index's mapping and of the
// documents built for it. Change it whenever buildMapping or the document
// fields change: an index of another version is rebuilt from the store.
const MappingVersion = 3

// docType is the one bleve document type: records and items alike, told
// apart by their kind field.
const docType = "doc"

// buildMapping is the search index's mapping. The default mapping is
// disabled: only the fields below are indexed.
//
//	kind       keyword  "resolution", "action", "followup", "item", "meeting" (facet)
//	committee  keyword  the committee's name as the minutes give it  (facet)
//	committee_key keyword the committee's key (Committee.Key), for filters
//	council    keyword
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
func buildMapping() mapping.IndexMapping {
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
	doc.AddFieldMappingsAt("council", keywordField(false))
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
	// facet holds "committee:…", "kind:…", "year:…" and "status:…" in one
	// field, so that facets read one field's doc values per hit, not four.
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

// document is what the index holds for one record or item. Empty fields
// are left out, so that facets and filters see no empty values.
type document struct {
	Kind, Committee, CommitteeKey, Council, Meeting, Date, Year, Minute, Title, Text, Owner, Due, Status string
	Present, Apologies, Absent                                                                           string
}

// attendanceDocument is the document of a meeting's attendance (without
// the meeting's committee and date): who attended, who sent apologies,
// who was absent, as a sentence to search and show.
func attendanceDocument(a minutes.Attendance) document {
	d := document{Kind: string(DocMeeting)}
	var present, parts []string
	add := func(label string, names []string) {
		if len(names) > 0 {
			parts = append(parts, label+": "+strings.Join(names, ", "))
		}
	}
	if a.Chair != "" {
		present = append(present, a.Chair)
		parts = append(parts, "Chair: "+a.Chair)
	}
	present = append(present, a.Present...)
	add("Present", a.Present)
	add("In attendance", a.InAttendance)
	present = append(present, a.InAttendance...)
	var subs []string
	for _, s := range a.Substitutes {
		present = append(present, s.Substitute)
		subs = append(subs, s.Substitute+" for "+s.Member)
	}
	add("Substitutes", subs)
	add("Apologies", a.Apologies)
	add("Absent", a.Absent)
	d.Text = strings.Join(parts, ". ")
	d.Present, d.Apologies, d.Absent = strings.Join(present, "; "), strings.Join(a.Apologies, "; "), strings.Join(a.Absent, "; ")
	return d
}

// facetFields are the fields search results are counted by.
var facetFields = []string{"committee", "kind", "year", "status"}

// fields is the document as bleve indexes it.
func (d *document) fields() map[string]any {
	m := make(map[string]any, 12)
	for _, f := range []struct{ name, value string }{
		{"kind", d.Kind}, {"committee", d.Committee}, {"committee_key", d.CommitteeKey}, {"council", d.Council}, {"meeting", d.Meeting},
		{"date", d.Date}, {"year", d.Year}, {"minute", d.Minute}, {"title", d.Title}, {"text", d.Text},
		{"owner", d.Owner}, {"due", d.Due}, {"status", d.Status},
		{"present", d.Present}, {"apologies", d.Apologies}, {"absent", d.Absent},
	} {
		if f.value != "" {
			m[f.name] = f.value
		}
	}
	facets := make([]string, 0, 4)
	for _, f := range facetFields {
		if v, ok := m[f].(string); ok {
			facets = append(facets, f+":"+v)
		}
	}
	m["facet"] = facets
	return m
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
		return strings.NewReplacer(markOpen, "", markClose, "").Replace(string(s))
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
	text = strings.NewReplacer(markOpen, "", markClose, "").Replace(text)
	if text == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].Match == match {
		out[n-1].Text += text
		return out
	}
	return append(out, Span{Text: text, Match: match})
}
