package export

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed agenda.html.tmpl
var agendaHTML string

var agendaTemplate = template.Must(template.New("agenda").Funcs(template.FuncMap{
	"longDate":  longDate,
	"minute":    minuteLabel,
	"due":       dueLabel,
	"rag":       ragLabel,
	"status":    statusLabel,
	"returned":  returnedLabel,
	"shortDate": shortDate,
	"oneLine":   oneLine,
	"inc":       func(i int) int { return i + 1 },
	"weblink":   isWebLink,
	// paragraphs splits verbatim text at blank lines so that numbered
	// parts and quoted lists keep their breaks.
	"paragraphs": func(s string) []string {
		var out []string
		for p := range strings.SplitSeq(strings.TrimSpace(s), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	},
}).Parse(agendaHTML))

// WriteHTML writes the tracker as one self-contained HTML page (no scripts,
// no external files; styles inline) laid out to print on A4. Text from the
// minutes is escaped by html/template.
func (a *Agenda) WriteHTML(w io.Writer) error {
	data := struct {
		*Agenda
		Heading, Intro, Footer, ExemptWarning string
		Notes                                 []string
		HasExempt                             bool
	}{
		Agenda: a, Heading: a.heading(), Intro: a.intro(), Footer: a.footer(),
		ExemptWarning: exemptWarning, HasExempt: a.HasExempt(),
	}
	for _, s := range a.Sections {
		data.Notes = append(data.Notes, a.sectionNote(s))
	}
	if err := agendaTemplate.Execute(w, data); err != nil {
		return fmt.Errorf("write HTML: %w", err)
	}
	return nil
}
