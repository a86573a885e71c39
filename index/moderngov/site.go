package moderngov

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/minutebook/minutebook/minutes"
)

// Site is a council's Modern.gov install: the address its pages and web
// service live under ("https://democracy.example.gov.uk", or with a path:
// "https://www.example.gov.uk/moderngov").
type Site struct {
	base *url.URL // scheme, host and path prefix, no trailing slash, no query
}

// ErrNotSite: what was given cannot be a Modern.gov site's address.
var ErrNotSite = errors.New("not a Modern.gov site address")

// ParseSite reads a site's address as a person gives it: the site
// ("democracy.example.gov.uk", "https://democracy.example.gov.uk/"), or any
// page or web-service address on it
// ("https://…/mgCommitteeDetails.aspx?ID=144", "https://…/mgWebService.asmx").
// A missing scheme means https.
func ParseSite(raw string) (Site, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return Site{}, fmt.Errorf("%w: the address is empty", ErrNotSite)
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return Site{}, fmt.Errorf("%w: %q cannot be read as a web address", ErrNotSite, minutes.Sanitize(raw))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return Site{}, fmt.Errorf("%w: %q is not an http or https address", ErrNotSite, minutes.Sanitize(raw))
	}
	if u.Hostname() == "" {
		return Site{}, fmt.Errorf("%w: %q names no host", ErrNotSite, minutes.Sanitize(raw))
	}
	if u.User != nil {
		return Site{}, fmt.Errorf("%w: give the address without a user name or password", ErrNotSite)
	}
	p := u.Path
	// Cut at the web service or at a page: the site is the folder they
	// are in.
	low := strings.ToLower(p)
	if i := strings.Index(low, "/mgwebservice.asmx"); i >= 0 {
		p = p[:i]
	} else if ext := strings.ToLower(path.Ext(p)); ext == ".aspx" || ext == ".asmx" || ext == ".htm" || ext == ".html" {
		p = path.Dir(p)
	}
	p = strings.TrimRight(p, "/")
	if p == "." {
		p = ""
	}
	host := strings.ToLower(u.Host)
	if port := u.Port(); (u.Scheme == "https" && port == "443") || (u.Scheme == "http" && port == "80") {
		host = strings.ToLower(u.Hostname())
	}
	return Site{base: &url.URL{Scheme: u.Scheme, Host: host, Path: p}}, nil
}

// String is the site's address: "https://democracy.example.gov.uk".
func (s Site) String() string {
	if s.base == nil {
		return ""
	}
	return s.base.String()
}

// Host is the site's host name, for messages: "democracy.example.gov.uk".
func (s Site) Host() string {
	if s.base == nil {
		return ""
	}
	return s.base.Hostname()
}

// IsZero reports whether s is no site.
func (s Site) IsZero() bool { return s.base == nil }

func (s Site) page(name string, q url.Values) string {
	u := *s.base
	u.Path = s.base.Path + "/" + name
	u.RawQuery = q.Encode()
	return u.String()
}

// CommitteesURL is GetCommittees' address.
func (s Site) CommitteesURL() string { return s.page("mgWebService.asmx/GetCommittees", nil) }

// MeetingsURL is GetMeetings' address for one committee between two dates.
func (s Site) MeetingsURL(committeeID string, from, to minutes.Date) string {
	return s.page("mgWebService.asmx/GetMeetings", url.Values{
		"lCommitteeId": {committeeID}, "sFromDate": {FormatDate(from)}, "sToDate": {FormatDate(to)},
	})
}

// MeetingURL is GetMeeting's address for one meeting.
func (s Site) MeetingURL(meetingID string) string {
	return s.page("mgWebService.asmx/GetMeeting", url.Values{"lMeetingId": {meetingID}})
}

// MeetingPage is the meeting's "Agenda and minutes" page, for people.
func (s Site) MeetingPage(committeeID, meetingID string) string {
	return s.page("ieListDocuments.aspx", url.Values{"CId": {committeeID}, "MId": {meetingID}})
}

// ItemPage is an agenda item's page (its minute), for people.
func (s Site) ItemPage(itemID string) string {
	return s.page("mgAi.aspx", url.Values{"ID": {itemID}})
}

// SameSite reports whether an address is on the site's host, so that a
// link or redirect to another host is never followed. http and https
// count as the same site; ports must match.
func (s Site) SameSite(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || s.base == nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return sameHost(s.base, u)
}

func sameHost(a, b *url.URL) bool {
	if !strings.EqualFold(a.Hostname(), b.Hostname()) {
		return false
	}
	return effectivePort(a) == effectivePort(b)
}

func effectivePort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	// http and https on their standard ports are one site.
	return "default"
}

// Resolve makes a document link absolute against the site; "" when it
// is not an http(s) address on the site's host.
func (s Site) Resolve(link string) string {
	link = strings.TrimSpace(link)
	if link == "" || s.base == nil {
		return ""
	}
	ref, err := url.Parse(link)
	if err != nil {
		return ""
	}
	base := *s.base
	base.Path += "/"
	u := base.ResolveReference(ref)
	if (u.Scheme != "http" && u.Scheme != "https") || !sameHost(s.base, u) {
		return ""
	}
	return u.String()
}
