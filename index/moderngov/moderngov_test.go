package moderngov

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

func TestParseSite(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"democracy.example.gov.uk", "https://democracy.example.gov.uk", ""},
		{"https://democracy.example.gov.uk/", "https://democracy.example.gov.uk", ""},
		{"HTTPS://Democracy.Example.gov.uk:443/mgWebService.asmx/GetCommittees", "https://democracy.example.gov.uk", ""},
		{"https://www.example.gov.uk/moderngov/mgCommitteeDetails.aspx?ID=144", "https://www.example.gov.uk/moderngov", ""},
		{"https://www.example.gov.uk/moderngov/ieListDocuments.aspx?CId=144&MId=4967", "https://www.example.gov.uk/moderngov", ""},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", ""},
		{"ftp://example.gov.uk", "", "not an http or https"},
		{"https://user:pw@example.gov.uk", "", "without a user name"},
		{"", "", "empty"},
		{"https://", "", "names no host"},
	}
	for _, c := range cases {
		s, err := ParseSite(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) || !errors.Is(err, ErrNotSite) {
				t.Errorf("ParseSite(%q) = %v, %v; want error %q", c.in, s, err, c.err)
			}
			continue
		}
		if err != nil || s.String() != c.want {
			t.Errorf("ParseSite(%q) = %q, %v; want %q", c.in, s, err, c.want)
		}
	}
	s, _ := ParseSite("https://democracy.example.gov.uk/moderngov")
	if got := s.MeetingsURL("144", minutes.MakeDate(2026, 1, 1), minutes.MakeDate(2026, 2, 28)); got !=
		"https://democracy.example.gov.uk/moderngov/mgWebService.asmx/GetMeetings?lCommitteeId=144&sFromDate=01%2F01%2F2026&sToDate=28%2F02%2F2026" {
		t.Errorf("MeetingsURL = %s", got)
	}
	for link, want := range map[string]string{
		"https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=60860": "https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=60860",
		"http://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=1":      "http://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=1",
		"mgConvert2PDF.aspx?ID=2":                                      "https://democracy.example.gov.uk/moderngov/mgConvert2PDF.aspx?ID=2",
		"https://elsewhere.example/x.pdf":                              "",
		"https://democracy.example.gov.uk:8443/x.pdf":                  "",
		"javascript:alert(1)":                                          "",
		"file:///etc/passwd":                                           "",
	} {
		if got := s.Resolve(link); got != want {
			t.Errorf("Resolve(%q) = %q, want %q", link, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"10/02/2026": "2026-02-10", " 1/2/2026 ": "2026-02-01", "31/02/2026": "", "2026-02-10": "", "": "", "10/02/26": "", "13/13/2026": ""} {
		d, err := ParseDate(in)
		if d.String() != want || (want == "") != (err != nil) {
			t.Errorf("ParseDate(%q) = %v, %v; want %q", in, d, err, want)
		}
	}
}

func TestDecodeRefuses(t *testing.T) {
	bomb := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><meeting><meetingid>&lol2;</meetingid></meeting>`
	cases := []struct {
		name, doc string
		kind      error
		want      string
	}{
		{"entity bomb", bomb, ErrEntities, "ENTITY"},
		{"external entity", `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><meeting>&x;</meeting>`, ErrEntities, "ENTITY"},
		{"DTD", `<?xml version="1.0"?><!DOCTYPE meeting SYSTEM "meeting.dtd"><meeting></meeting>`, ErrEntities, "document type"},
		{"undeclared entity", `<meeting><meetingid>&nbsp;</meetingid></meeting>`, ErrMalformed, "entity"},
		{"HTML page", `<!DOCTYPE html><html><body>Runtime Error</body></html>`, ErrMalformed, "HTML page"},
		{"HTML root", `<html><body>Login</body></html>`, ErrMalformed, "HTML page"},
		{"another answer", `<committees></committees>`, ErrMalformed, "not the <meeting>"},
		{"cut off", `<?xml version="1.0"?><meeting><meetingid>4967</meetingid><agendaitems><agendaitem><agendaitemtitle>Min`, ErrMalformed, "ends in the middle"},
		{"empty", ``, ErrMalformed, "empty"},
		{"two roots", `<meeting></meeting><meeting></meeting>`, ErrMalformed, "second root"},
		{"control character", "<meeting><meetingid>\x1b[31m</meetingid></meeting>", ErrMalformed, "illegal character"},
		{"unknown charset", `<?xml version="1.0" encoding="x-no-such"?><meeting></meeting>`, ErrMalformed, ""},
	}
	for _, c := range cases {
		_, err := DecodeMeeting([]byte(c.doc))
		if !errors.Is(err, c.kind) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %v saying %q", c.name, err, c.kind, c.want)
		}
	}
	// A Windows-1252 answer that says so is read.
	m, err := DecodeMeeting([]byte("<?xml version=\"1.0\" encoding=\"windows-1252\"?><meeting><meetinglocation>Caf\xe9</meetinglocation></meeting>"))
	if err != nil || m.Location != "Café" {
		t.Errorf("windows-1252: %+v %v", m, err)
	}
}

// fakeService answers every request with handler, counting them.
func fakeService(t *testing.T, handler http.HandlerFunc) (*httptest.Server, Site) {
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	site, err := ParseSite(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return srv, site
}

const oneMeeting = `<?xml version="1.0" encoding="utf-8"?><meeting><meetingid>7</meetingid><meetingdate>10/02/2026</meetingdate><minutepublished>True</minutepublished></meeting>`

func TestClientRateAndUserAgent(t *testing.T) {
	var agents []string
	_, site := fakeService(t, func(w http.ResponseWriter, r *http.Request) {
		agents = append(agents, r.Header.Get("User-Agent"))
		w.Write([]byte(oneMeeting))
	})
	c := New(site, Options{UserAgent: DefaultUserAgent("1.2.3"), Interval: 500 * time.Millisecond})
	// A clock of our own: each request takes 100ms, and sleeping moves
	// the clock on.
	clock := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var starts []time.Time
	c.now = func() time.Time { return clock }
	c.sleep = func(ctx context.Context, d time.Duration) error {
		if d > 0 {
			clock = clock.Add(d)
		}
		return nil
	}
	c.http.Transport = roundTrip(func(r *http.Request) (*http.Response, error) {
		starts = append(starts, clock)
		clock = clock.Add(100 * time.Millisecond)
		return http.DefaultTransport.RoundTrip(r)
	})
	for i := 0; i < 4; i++ {
		if _, _, err := c.Meeting(context.Background(), "7", Validators{}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap != 500*time.Millisecond {
			t.Errorf("requests %d and %d started %s apart; the interval is 500ms", i-1, i, gap)
		}
	}
	if agents[0] != "minutebook/1.2.3 (+"+ProjectURL+"; committee minutes sync)" {
		t.Errorf("User-Agent %q", agents[0])
	}
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestClientConditionalLists(t *testing.T) {
	var conditional, full int
	_, site := fakeService(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			conditional++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full++
		w.Write([]byte(`<committees><committeescount> 1</committeescount><committee><committeeid>5</committeeid><committeetitle>Cabinet</committeetitle></committee></committees>`))
	})
	cache := &mapCache{m: map[string]cached{}}
	c := New(site, Options{Cache: cache})
	for i := 0; i < 3; i++ {
		cs, err := c.Committees(context.Background())
		if err != nil || len(cs) != 1 || cs[0].Name() != "Cabinet" {
			t.Fatalf("committees: %+v %v", cs, err)
		}
	}
	if full != 1 || conditional != 2 {
		t.Errorf("%d full and %d conditional requests, want 1 and 2", full, conditional)
	}
	// A meeting asked for conditionally says it is not modified.
	_, _, err := c.Meeting(context.Background(), "7", Validators{ETag: `"v1"`})
	if !errors.Is(err, ErrNotModified) {
		t.Errorf("conditional meeting: %v", err)
	}
}

type cached struct {
	v    Validators
	body []byte
}

type mapCache struct{ m map[string]cached }

func (c *mapCache) Lookup(url string) (Validators, []byte, bool) {
	e, ok := c.m[url]
	return e.v, e.body, ok
}
func (c *mapCache) Store(url string, v Validators, body []byte) { c.m[url] = cached{v, body} }

func TestClientRetries(t *testing.T) {
	var n int
	_, site := fakeService(t, func(w http.ResponseWriter, r *http.Request) {
		n++
		if n <= 2 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte(oneMeeting))
	})
	var notices []string
	c := New(site, Options{Backoff: time.Millisecond, Logf: func(f string, a ...any) { notices = append(notices, f) }})
	if _, _, err := c.Meeting(context.Background(), "7", Validators{}); err != nil || n != 3 || len(notices) != 2 {
		t.Errorf("after two 503s: %v, %d requests, %d notices", err, n, len(notices))
	}
	// Bounded: a server that always fails is given up on.
	n = -100
	c = New(site, Options{Backoff: time.Millisecond, Retries: 2})
	_, _, err := c.Meeting(context.Background(), "7", Validators{})
	var e *Error
	if !errors.As(err, &e) || e.Attempts != 3 || !errors.Is(err, ErrServer) || !strings.Contains(err.Error(), "tried 3 times") {
		t.Errorf("always 503: %v", err)
	}
	// A 4xx is not retried.
	var m int
	_, site = fakeService(t, func(w http.ResponseWriter, r *http.Request) { m++; http.Error(w, "no", http.StatusNotFound) })
	_, _, err = New(site, Options{Backoff: time.Millisecond}).Meeting(context.Background(), "7", Validators{})
	if m != 1 || !errors.Is(err, ErrClient) || !strings.Contains(err.Error(), "404 Not Found") {
		t.Errorf("404: %v after %d requests", err, m)
	}
}

func TestClientLimits(t *testing.T) {
	big := strings.Repeat("x", 5000)
	_, site := fakeService(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("chunked") != "" {
			w.(http.Flusher).Flush() // no Content-Length
		}
		w.Write([]byte("<meeting><meetinglocation>" + big + "</meetinglocation></meeting>"))
	})
	c := New(site, Options{MaxXMLBytes: 1000})
	if _, _, err := c.Meeting(context.Background(), "7", Validators{}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "limit") {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := c.Document(context.Background(), "https://elsewhere.example/x.pdf"); !errors.Is(err, ErrOffSite) {
		t.Errorf("off-site document: %v", err)
	}
	if _, err := New(site, Options{Offline: t.TempDir()}).Committees(context.Background()); !errors.Is(err, ErrNotSaved) || !strings.Contains(err.Error(), "GetCommittees.xml") {
		t.Errorf("offline, nothing saved: %v", err)
	}
}

func TestClientCancelled(t *testing.T) {
	_, site := fakeService(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, _, err := New(site, Options{}).Meeting(ctx, "7", Validators{})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Errorf("cancelled: %v after %s", err, time.Since(start))
	}
}
