package moderngovtest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/minutes"
)

// The answers follow the real responses in ../shared/moderngov/ exactly:
// lower-case element names, "True"/"False", counts with a leading space,
// dd/mm/yyyy dates, empty elements holding a newline, and the minutes as
// escaped HTML.

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func tf(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// elem writes <name>value</name>, or the empty form a real install
// writes: <name>, a newline, indentation, </name>.
func elem(b *strings.Builder, indent, name, value string) {
	if value == "" {
		fmt.Fprintf(b, "%s<%s>\n%s</%s>\n", indent, name, indent, name)
		return
	}
	fmt.Fprintf(b, "%s<%s>%s</%s>\n", indent, name, esc(value), name)
}

func (s *Server) committeesXML() []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<committees>\n")
	fmt.Fprintf(&b, "  <committeescount> %d</committeescount>\n", len(s.cs))
	for _, c := range s.cs {
		b.WriteString("  <committee>\n")
		elem(&b, "    ", "committeeid", c.ID)
		elem(&b, "    ", "committeetitle", c.Title)
		elem(&b, "    ", "committeedeleted", "False")
		elem(&b, "    ", "committeeexpired", tf(c.Expired))
		elem(&b, "    ", "committeecategory", "Governance and Decision Making Committees")
		b.WriteString("  </committee>\n")
	}
	b.WriteString("</committees>\n")
	return []byte(b.String())
}

func (s *Server) meetingsXML(only *Committee, from, to minutes.Date) []byte {
	cs := s.cs
	if only != nil {
		cs = []*Committee{only}
	}
	type pick struct {
		c  *Committee
		ms []*Meeting
	}
	var picks []pick
	total := 0
	for _, c := range cs {
		p := pick{c: c}
		for _, m := range c.Meetings {
			if !m.Date.Before(from) && !m.Date.After(to) {
				p.ms = append(p.ms, m)
			}
		}
		picks = append(picks, p)
		total += len(p.ms)
	}
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<getmeetings>\n")
	fmt.Fprintf(&b, "  <meetingscount> %d</meetingscount>\n  <committeescount> %d</committeescount>\n", total, len(picks))
	for _, p := range picks {
		b.WriteString("  <committee>\n")
		elem(&b, "    ", "committeeid", p.c.ID)
		elem(&b, "    ", "committeetitle", p.c.Title)
		fmt.Fprintf(&b, "    <committeemeetingcount> %d</committeemeetingcount>\n    <committeemeetings>\n", len(p.ms))
		for _, m := range p.ms {
			b.WriteString("      <meeting>\n")
			elem(&b, "        ", "meetingid", m.ID)
			elem(&b, "        ", "meetingdate", m.DateText)
			elem(&b, "        ", "meetingstatus", status(m))
			elem(&b, "        ", "meetingtime", "10.00 am")
			elem(&b, "        ", "iswebcast", "False")
			b.WriteString("      </meeting>\n")
		}
		b.WriteString("    </committeemeetings>\n  </committee>\n")
	}
	b.WriteString("</getmeetings>")
	return []byte(b.String())
}

func status(m *Meeting) string {
	if m.Cancelled {
		return "Cancelled"
	}
	return "Confirmed"
}

func (s *Server) meetingXML(m *Meeting) []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<meeting>\n")
	in := "  "
	elem(&b, in, "meetingid", m.ID)
	elem(&b, in, "meetingdate", m.DateText)
	elem(&b, in, "meetingstatus", status(m))
	elem(&b, in, "isdisplayallowed", "True")
	elem(&b, in, "meetingtime", "10.00 am")
	elem(&b, in, "meetingactualstarttime", "")
	elem(&b, in, "meetingplannedfinishtime", "2.00 pm")
	elem(&b, in, "meetingactualfinishtime", "")
	elem(&b, in, "meetinglocation", "Committee Room 1, Town Hall")
	elem(&b, in, "iswebcast", "False")
	elem(&b, in, "agendaid", m.ID)
	elem(&b, in, "agendapublished", tf(!m.Cancelled))
	elem(&b, in, "decisionpublished", "False")
	elem(&b, in, "minutepublished", tf(m.Published))
	elem(&b, in, "meetingroom", "")
	if m.Cancelled {
		b.WriteString("  <agendaitems>\n  </agendaitems>\n")
	} else {
		b.WriteString("  <agendaitems>\n")
		for i, it := range m.Items {
			in := "      "
			b.WriteString("    <agendaitem>\n")
			elem(&b, in, "agendaitemid", it.ID)
			elem(&b, in, "agendaitemtitle", it.Title)
			elem(&b, in, "agendatext", "<div class=\"WordSection1\">\n<p class=\"MsoNormal\">The report is attached.</p>\n</div>\n")
			elem(&b, in, "actualmeetingdate", m.DateText)
			elem(&b, in, "agendaitemnumber", fmt.Sprint(i+4))
			elem(&b, in, "agendaitemsubnumber", "")
			elem(&b, in, "fulldisplaynumberformat", fmt.Sprint(i+1)+".")
			elem(&b, in, "authorusername", "")
			body := it.HTML
			if m.PDFOnly {
				body = ""
			}
			elem(&b, in, "minutesnonemptyhtmlbody", body)
			elem(&b, in, "declarationcount", "0")
			elem(&b, in, "isminutepublished", tf(m.Published))
			elem(&b, in, "isrestricted", tf(it.Restricted))
			elem(&b, in, "isdisplayallowed", "True")
			elem(&b, in, "meetingdate", m.DateText)
			elem(&b, in, "meetingtime", "10.00 am")
			elem(&b, in, "minutesitemnumber", it.Number)
			elem(&b, in, "minutesitemsubnumber", "")
			elem(&b, in, "refertocommittee", m.Committee.Title)
			b.WriteString(in + "<linkeddocuments>\n")
			if it.Title == "Minutes" {
				// The previous meeting's minutes, attached for approval.
				linkedDoc(&b, s.URL, "9"+m.DocID, "CHAIR APPROVED Minutes "+m.Committee.Title, m)
			}
			if m.PDFOnly && m.Published && i == 0 {
				linkedDoc(&b, s.URL, m.DocID, "Printed minutes "+m.Date.Time().Format("02-Jan-2006")+" 10.00 "+m.Committee.Title, m)
			}
			b.WriteString(in + "</linkeddocuments>\n")
			b.WriteString("    </agendaitem>\n")
		}
		b.WriteString("  </agendaitems>\n")
	}
	b.WriteString("  <attendees>\n")
	for i, a := range m.Attendees {
		fmt.Fprintf(&b, "    <attendee membertype=\"U\" memberid=\"%d\" name=\"%s\" roledescription=\"%s\" attendance=\"%s\" politicalparty=\"IND\" ward=\"Central\">\n",
			200+i, esc(a.Name), esc(a.Role), esc(a.Attendance))
		fmt.Fprintf(&b, "      <url>%s/mgUserInfo.aspx?UID=%d</url>\n    </attendee>\n", s.URL, 200+i)
	}
	b.WriteString("  </attendees>\n</meeting>\n")
	return []byte(b.String())
}

func linkedDoc(b *strings.Builder, base, id, title string, m *Meeting) {
	in := "          "
	b.WriteString("        <linkeddoc>\n")
	elem(b, in, "attachmentid", id)
	elem(b, in, "title", title)
	elem(b, in, "isurl", "False")
	elem(b, in, "url", base+"/mgConvert2PDF.aspx?ID="+id)
	elem(b, in, "isrestricted", "False")
	elem(b, in, "restrictionsRef", "")
	elem(b, in, "publicationdate", m.DateText)
	elem(b, in, "committeetitle", m.Committee.Title)
	elem(b, in, "ownertitle", "Minutes")
	b.WriteString("        </linkeddoc>\n")
}
