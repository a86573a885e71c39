// Package moderngovtest is a fake Modern.gov site for tests and
// benchmarks: an httptest server on loopback that answers the web service
// (GetCommittees, GetMeetings, GetMeeting) in the shapes a real install
// gives (see ../shared/moderngov/), serves printed-minutes PDFs, and can be
// told to misbehave in the ways real and hostile servers do: slow answers,
// 5xx, 304s, redirects off-site, bodies cut off, XML bombs, malformed XML,
// scripts and escape sequences in minutes, dates that do not parse.
package moderngovtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// Options shape the generated site. Zero fields take the defaults shown.
type Options struct {
	Committees int          // 3
	Meetings   int          // meetings per committee: 6
	First      minutes.Date // the first committee's first meeting: 2025-01-14
	Every      int          // days between a committee's meetings: 28
	Topics     int          // items of business (besides apologies, minutes, work programme) per meeting: 3
	// PDFEvery makes every n'th meeting publish its minutes only as a
	// "Printed minutes" PDF, with no per-item minutes; 0: none.
	PDFEvery int
	// CancelEvery cancels every n'th meeting; 0: none.
	CancelEvery int
	// Published is the last date whose meetings have published minutes;
	// later meetings are listed with minutepublished False. Zero: all.
	Published minutes.Date
	// Conditional makes the server send ETag and Last-Modified and
	// answer 304 to conditional requests that match.
	Conditional bool
}

// Fault is a way a request goes wrong.
type Fault struct {
	Kind   FaultKind
	Status int           // for FaultStatus
	Delay  time.Duration // for FaultSlow: before the answer
	// Times is how many requests the fault spoils before the server
	// answers properly again; 0 means every request.
	Times int
}

// FaultKind says what a Fault does.
type FaultKind int

// The faults a server can be given.
const (
	FaultStatus     FaultKind = iota + 1 // answer Status (500, 404, 429, …)
	FaultSlow                            // wait Delay, then answer
	FaultRedirect                        // redirect to another host
	FaultCutOff                          // declare the whole length, send half, close
	FaultTruncated                       // send half of the XML as if it were all
	FaultEntityBomb                      // a billion-laughs document
	FaultMalformed                       // XML that does not parse
	FaultHTMLPage                        // an HTML error page with 200 OK
	FaultHuge                            // an answer of 40 MB
)

// Server is a running fake site.
type Server struct {
	// URL is the site's address: "http://127.0.0.1:PORT".
	URL string

	srv  *httptest.Server
	opt  Options
	mu   sync.Mutex
	cs   []*Committee
	byID map[string]*Meeting
	docs map[string]*Meeting // printed-minutes document ID → meeting

	faults   map[string]*Fault
	delay    time.Duration
	requests []string
	counts   map[string]int
	agents   map[string]bool
	inFlight int
	maxIn    int
	onGet    func(key string)
}

// Committee is one generated committee.
type Committee struct {
	ID       string
	Title    string
	Expired  bool
	Meetings []*Meeting
}

// Meeting is one generated meeting.
type Meeting struct {
	ID          string
	Committee   *Committee
	Date        minutes.Date
	DateText    string // as served: dd/mm/yyyy unless a test spoils it
	Cancelled   bool
	Published   bool
	PDFOnly     bool   // minutes only as a printed-minutes PDF
	DocID       string // the PDF's attachment ID
	Items       []*Item
	Attendees   []Attendee
	version     int
	lastChanged time.Time
}

// Item is one agenda item of a generated meeting.
type Item struct {
	ID         string
	Number     string
	Title      string
	HTML       string // the minute, HTML
	Restricted bool
}

// Attendee is one person listed for a meeting.
type Attendee struct {
	Name, Role, Attendance string
}

// New starts a fake site. Close it when done.
func New(opt Options) *Server {
	if opt.Committees <= 0 {
		opt.Committees = 3
	}
	if opt.Meetings <= 0 {
		opt.Meetings = 6
	}
	if opt.First.IsZero() {
		opt.First = minutes.MakeDate(2025, 1, 14)
	}
	if opt.Every <= 0 {
		opt.Every = 28
	}
	if opt.Topics <= 0 {
		opt.Topics = 3
	}
	s := &Server{opt: opt, byID: map[string]*Meeting{}, docs: map[string]*Meeting{}, faults: map[string]*Fault{},
		counts: map[string]int{}, agents: map[string]bool{}}
	s.generate()
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

var committeeNames = []string{
	"Audit Committee", "Environment and Climate Scrutiny Committee", "Licensing Committee", "Health and Wellbeing Board",
	"Planning Committee", "Children and Young People Scrutiny Panel", "Housing Panel", "Resources and Governance Committee",
	"Communities Committee", "Standards Committee", "Transport Board", "Culture and Leisure Panel",
}

var members = []string{
	"Basil Curley", "Amina Rahman", "Owen Pritchard", "Grace Okafor", "Huw Llewellyn", "Priya Nair", "Tom Whitfield",
	"Sinead Byrne", "Marcus Adeyemi", "Eleanor Vance", "Rajesh Patel", "Fiona MacLeod", "Daniel Osei", "Holly Marsh",
}

var topics = []struct{ title, subject, officer, data string }{
	{"Fly-tipping Enforcement Update", "fly-tipping enforcement", "Head of Environmental Services", "ward-level figures for fixed penalty notices"},
	{"Damp and Mould in Council Homes", "damp and mould", "Director of Housing", "the number of open cases in each ward"},
	{"Budget Monitoring Report", "the budget position", "Chief Finance Officer", "a breakdown of the forecast overspend"},
	{"Library Service Review", "the library service review", "Head of Libraries", "visitor numbers for each branch"},
	{"Road Safety Around Schools", "road safety around schools", "Head of Highways", "the list of schools in the pilot"},
	{"Climate Action Plan Progress", "the climate action plan", "Climate Change Manager", "the carbon figures for the council's buildings"},
	{"Housing Allocations Policy", "the housing allocations policy", "Head of Housing Needs", "waiting list figures by band"},
	{"Leisure Centre Refurbishment", "the leisure centre refurbishment", "Head of Leisure", "the revised project timetable"},
	{"Internal Audit Progress Report", "internal audit progress", "Head of Internal Audit", "the follow-up of overdue recommendations"},
	{"Anti-social Behaviour Strategy", "anti-social behaviour", "Community Safety Manager", "the number of closure orders issued"},
}

func (s *Server) generate() {
	mid, item, doc := 1000, 10000, 50000
	for c := 0; c < s.opt.Committees; c++ {
		title := committeeNames[c%len(committeeNames)]
		if c >= len(committeeNames) {
			title = fmt.Sprintf("%s %d", strings.TrimSuffix(title, " Committee"), c/len(committeeNames)+1)
		}
		com := &Committee{ID: strconv.Itoa(100 + c), Title: title}
		s.cs = append(s.cs, com)
		for k := 0; k < s.opt.Meetings; k++ {
			mid++
			n := c*s.opt.Meetings + k // the meeting's place on the site
			d := s.opt.First.AddDays(c + k*s.opt.Every)
			m := &Meeting{ID: strconv.Itoa(mid), Committee: com, Date: d, DateText: fmtDate(d), lastChanged: time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)}
			m.Cancelled = s.opt.CancelEvery > 0 && (n+1)%s.opt.CancelEvery == 0
			m.Published = !m.Cancelled && (s.opt.Published.IsZero() || !d.After(s.opt.Published))
			m.PDFOnly = s.opt.PDFEvery > 0 && (n+1)%s.opt.PDFEvery == 0
			doc++
			m.DocID = strconv.Itoa(doc)
			s.docs[m.DocID] = m
			var names []string
			for j := 0; j < 6; j++ {
				names = append(names, members[(c*3+j)%len(members)])
			}
			away := names[1+n%5]
			for j, name := range names {
				a := Attendee{Name: "Councillor " + name, Role: "Committee Member", Attendance: "Present"}
				if j == 0 {
					a.Role = "Chair"
				}
				if name == away {
					a.Attendance = "Apologies"
				}
				if !m.Published {
					a.Attendance = "Expected"
				}
				m.Attendees = append(m.Attendees, a)
			}
			num := 1 + k*(s.opt.Topics+4) // numbering runs on through the year
			add := func(title, html string, restricted bool) {
				item++
				m.Items = append(m.Items, &Item{ID: strconv.Itoa(item), Number: strconv.Itoa(num), Title: title, HTML: html, Restricted: restricted})
				num++
			}
			add("Apologies for Absence", "<p>Apologies for absence were received from Councillor "+away+".</p>", false)
			add("Declarations of Interest", "<p>No declarations of interest were made.</p>", false)
			prev := d.AddDays(-s.opt.Every)
			add("Minutes", "<p><strong>RESOLVED:</strong> That the minutes of the meeting held on "+longDate(prev)+" be approved as a correct record.</p>", false)
			for t := 0; t < s.opt.Topics; t++ {
				tp := topics[(n*s.opt.Topics+t)%len(topics)]
				due := d.AddDays(30 + 7*t)
				back := d.AddMonths(3 + t%3)
				html := "<div class=\"WordSection1\"><p class=\"MsoNormal\">The Committee considered a report of the " + tp.officer + " on " + tp.subject + ".</p>" +
					"<p class=\"MsoNormal\">Members asked about progress since the last report. The " + tp.officer + " undertook to provide Members with " + tp.data + " by " + longDate(due) + ".</p>" +
					"<p class=\"MsoNormal\"><b>RESOLVED:</b> That</p><ol><li>the report be noted; and</li>" +
					"<li>a further report on " + tp.subject + " be submitted to the " + back.Time().Format("January 2006") + " meeting of the Committee.</li></ol></div>"
				add(tp.title, html, false)
			}
			add("Work Programme", "<p><strong>RESOLVED:</strong> That the work programme be noted.</p>", false)
			if !m.Published {
				for _, it := range m.Items {
					it.HTML = ""
				}
			}
			com.Meetings = append(com.Meetings, m)
			s.byID[m.ID] = m
		}
	}
}

// Committees are the generated committees.
func (s *Server) Committees() []*Committee {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Committee{}, s.cs...)
}

// Meetings are every generated meeting, committee by committee.
func (s *Server) Meetings() []*Meeting {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Meeting
	for _, c := range s.cs {
		out = append(out, c.Meetings...)
	}
	return out
}

// Meeting returns a meeting by ID.
func (s *Server) Meeting(id string) *Meeting {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byID[id]
}

// Change runs fn on a meeting under the server's lock and marks the
// meeting changed (a new ETag and Last-Modified).
func (s *Server) Change(id string, fn func(m *Meeting)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.byID[id]
	fn(m)
	m.version++
	m.lastChanged = m.lastChanged.Add(time.Duration(m.version) * time.Hour)
}

// Fail spoils the requests with this key: "GetCommittees",
// "GetMeetings/ID" (a committee), "GetMeeting/ID" (a meeting),
// "document/ID", or "*" for every request.
func (s *Server) Fail(key string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[key] = &f
}

// Heal removes every fault.
func (s *Server) Heal() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = map[string]*Fault{}
}

// SetDelay makes every answer wait d.
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = d
}

// OnRequest calls fn (outside the lock) with each request's key as it
// arrives.
func (s *Server) OnRequest(fn func(key string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onGet = fn
}

// Requests lists the keys of the requests served so far, in order.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string{}, s.requests...)
}

// Count is how many requests with this key (or, for "GetMeeting", of
// this kind) were served; "304" counts the Not Modified answers.
func (s *Server) Count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[key]
}

// ResetCounts forgets the requests served so far.
func (s *Server) ResetCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests, s.counts = nil, map[string]int{}
}

// UserAgents are the User-Agent headers seen.
func (s *Server) UserAgents() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for a := range s.agents {
		out = append(out, a)
	}
	return out
}

// MaxInFlight is the most requests that were being answered at once.
func (s *Server) MaxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxIn
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	key, kind := requestKey(r)
	s.mu.Lock()
	s.inFlight++
	if s.inFlight > s.maxIn {
		s.maxIn = s.inFlight
	}
	s.requests = append(s.requests, key)
	s.counts[key]++
	s.counts[kind]++
	s.agents[r.Header.Get("User-Agent")] = true
	delay, hook := s.delay, s.onGet
	f := s.faults[key]
	if f == nil {
		f = s.faults["*"]
	}
	var fault Fault
	if f != nil {
		fault = *f
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				delete(s.faults, key)
				if s.faults["*"] == f {
					delete(s.faults, "*")
				}
			}
		}
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	if hook != nil {
		hook(key)
	}
	if fault.Kind == FaultSlow {
		delay += fault.Delay
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	body, ctype, tag, modified, status := s.answer(r, kind)
	switch fault.Kind {
	case FaultStatus:
		http.Error(w, http.StatusText(fault.Status), fault.Status)
		return
	case FaultRedirect:
		http.Redirect(w, r, "http://elsewhere.example"+r.URL.RequestURI(), http.StatusFound)
		return
	case FaultEntityBomb:
		body, ctype, status = entityBomb(), "text/xml; charset=utf-8", http.StatusOK
	case FaultMalformed:
		body, ctype, status = []byte("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<meeting><meetingid>1</meetingid><agendaitems><agendaitem></agendaitems>"), "text/xml; charset=utf-8", http.StatusOK
	case FaultHTMLPage:
		body, ctype, status = []byte("<!DOCTYPE html><html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1></body></html>"), "text/html", http.StatusOK
	case FaultTruncated:
		body = body[:len(body)/2]
	case FaultHuge:
		body, status = huge(), http.StatusOK
	}
	if status != http.StatusOK {
		http.Error(w, http.StatusText(status), status)
		return
	}
	if s.opt.Conditional && fault.Kind == 0 && tag != "" {
		w.Header().Set("ETag", tag)
		w.Header().Set("Last-Modified", modified.Format(http.TimeFormat))
		if inm := r.Header.Get("If-None-Match"); inm != "" && inm == tag {
			s.mu.Lock()
			s.counts["304"]++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", ctype)
	if fault.Kind == FaultCutOff {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		w.Write(body[:len(body)/2])
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		// Drop the connection with the rest unsent.
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.(*net.TCPConn).SetLinger(0)
				conn.Close()
			}
		}
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// requestKey names a request for faults and counts: "GetMeeting/1001",
// and its kind: "GetMeeting".
func requestKey(r *http.Request) (key, kind string) {
	p := r.URL.Path
	q := r.URL.Query()
	switch {
	case strings.HasSuffix(p, "/mgWebService.asmx/GetCommittees"):
		return "GetCommittees", "GetCommittees"
	case strings.HasSuffix(p, "/mgWebService.asmx/GetMeetings"):
		return "GetMeetings/" + q.Get("lCommitteeId"), "GetMeetings"
	case strings.HasSuffix(p, "/mgWebService.asmx/GetMeeting"):
		return "GetMeeting/" + q.Get("lMeetingId"), "GetMeeting"
	case strings.HasSuffix(p, "/mgConvert2PDF.aspx"):
		return "document/" + q.Get("ID"), "document"
	}
	return "other" + p, "other"
}

// answer renders the proper answer to a request, with its ETag and
// last-changed time.
func (s *Server) answer(r *http.Request, kind string) (body []byte, ctype, tag string, modified time.Time, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := r.URL.Query()
	xmlType := "text/xml; charset=utf-8"
	modified = time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	switch kind {
	case "GetCommittees":
		body = s.committeesXML()
	case "GetMeetings":
		var c *Committee
		for _, cc := range s.cs {
			if cc.ID == q.Get("lCommitteeId") {
				c = cc
			}
		}
		if c == nil && q.Get("lCommitteeId") != "0" {
			return nil, "", "", modified, http.StatusInternalServerError // as real installs do for a bad ID
		}
		from, err1 := parseDate(q.Get("sFromDate"))
		to, err2 := parseDate(q.Get("sToDate"))
		if err1 != nil || err2 != nil {
			return nil, "", "", modified, http.StatusInternalServerError
		}
		body = s.meetingsXML(c, from, to)
	case "GetMeeting":
		m := s.byID[q.Get("lMeetingId")]
		if m == nil {
			return nil, "", "", modified, http.StatusInternalServerError
		}
		body, modified = s.meetingXML(m), m.lastChanged
	case "document":
		m := s.docs[q.Get("ID")]
		if m == nil {
			return nil, "", "", modified, http.StatusNotFound
		}
		body, xmlType, modified = PDF(printedLines(m)), "application/pdf", m.lastChanged
	default:
		return nil, "", "", modified, http.StatusNotFound
	}
	sum := sha256.Sum256(body)
	return body, xmlType, `"` + hex.EncodeToString(sum[:8]) + `"`, modified, http.StatusOK
}

func fmtDate(d minutes.Date) string {
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

func parseDate(s string) (minutes.Date, error) {
	t, err := time.Parse("02/01/2006", s)
	if err != nil {
		return minutes.Date{}, err
	}
	return minutes.DateOf(t), nil
}

func longDate(d minutes.Date) string { return d.Time().Format("2 January 2006") }

// printedLines is a meeting's minutes as its printed PDF gives them.
func printedLines(m *Meeting) []string {
	lines := []string{m.Committee.Title, "Minutes of the meeting held on " + m.Date.Time().Format("Monday 2 January 2006") + " at 10.00 am", ""}
	var present []string
	for _, a := range m.Attendees {
		if a.Attendance == "Present" {
			n := a.Name
			if a.Role == "Chair" {
				n += " (Chair)"
			}
			present = append(present, n)
		}
	}
	lines = append(lines, "Present: "+strings.Join(present, ", "), "")
	for _, it := range m.Items {
		lines = append(lines, it.Number+". "+it.Title, "")
		for _, p := range htmlLines(it.HTML) {
			lines = append(lines, wrap(p, 95)...)
		}
		lines = append(lines, "")
	}
	return lines
}

// htmlLines turns the generated minutes' simple HTML into lines.
func htmlLines(h string) []string {
	r := strings.NewReplacer("<li>", "\n• ", "</p>", "\n", "</li>", "\n", "<ol>", "\n", "</ol>", "\n", "<br>", "\n")
	h = r.Replace(h)
	var out []string
	for _, l := range strings.Split(h, "\n") {
		l = stripTags(l)
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'").Replace(b.String())
}

func wrap(s string, n int) []string {
	var out []string
	for len(s) > n {
		i := strings.LastIndexByte(s[:n], ' ')
		if i <= 0 {
			i = n
		}
		out = append(out, s[:i])
		s = strings.TrimSpace(s[i:])
	}
	return append(out, s)
}

func entityBomb() []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n")
	prev := "lol"
	for i := 1; i <= 9; i++ {
		name := "lol" + strconv.Itoa(i)
		b.WriteString(" <!ENTITY " + name + " \"" + strings.Repeat("&"+prev+";", 10) + "\">\n")
		prev = name
	}
	b.WriteString("]>\n<meeting><meetingid>&lol9;</meetingid></meeting>\n")
	return []byte(b.String())
}

func huge() []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<meeting><agendaitems>")
	item := "<agendaitem><agendaitemtitle>" + strings.Repeat("x", 1000) + "</agendaitemtitle></agendaitem>"
	for b.Len() < 40<<20 {
		b.WriteString(item)
	}
	b.WriteString("</agendaitems></meeting>")
	return []byte(b.String())
}
