package moderngov

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// Options configure a Client. Every field is optional.
type Options struct {
	// UserAgent names the program to the council's server; "" means
	// DefaultUserAgent("dev").
	UserAgent string
	// Interval is the least time between the starts of two requests (the
	// rate limit); 0 means none. Requests are never made in parallel.
	Interval time.Duration
	// Retries is how many times a request that failed for a reason that
	// may pass (a 5xx answer, 429, a timeout, a dropped connection, an
	// answer cut off) is tried again; 0 means DefaultRetries, negative
	// means never.
	Retries int
	// Backoff is the wait before the first retry, doubled for each one
	// after; 0 means 2 s. A Retry-After header that asks for longer is
	// honoured, up to MaxWait (0 means 60 s).
	Backoff, MaxWait time.Duration
	// Timeout bounds one request, answer included; 0 means 60 s.
	Timeout time.Duration
	// MaxXMLBytes and MaxDocumentBytes bound one web-service answer and
	// one document (a printed-minutes PDF); 0 means DefaultMaxXMLBytes
	// and DefaultMaxDocumentBytes.
	MaxXMLBytes, MaxDocumentBytes int64
	// Offline reads every answer from this folder (as Save wrote it)
	// instead of the network.
	Offline string
	// Save also writes every answer into this folder, for Offline.
	Save string
	// Cache remembers list answers (GetCommittees, GetMeetings) with
	// their validators, so they can be fetched conditionally; nil means
	// no conditional list requests.
	Cache Cache
	// Logf receives notices (a retry, and why); nil discards them.
	Logf func(format string, args ...any)
	// Transport replaces the HTTP transport (tests); nil means
	// http.DefaultTransport's settings.
	Transport http.RoundTripper
}

// Defaults for Options.
const (
	DefaultRetries          = 3
	DefaultMaxXMLBytes      = 32 << 20
	DefaultMaxDocumentBytes = 64 << 20
	// ProjectURL is named in the User-Agent so a council's web team can
	// find out what is calling.
	ProjectURL = "https://github.com/minutebook/minutebook"
)

// DefaultUserAgent is the User-Agent minutebook sends: its name and
// version, and where to find out about it.
func DefaultUserAgent(version string) string {
	return "minutebook/" + version + " (+" + ProjectURL + "; committee minutes sync)"
}

// Validators are what a server gives for conditional requests.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// IsZero reports whether there is nothing to send.
func (v Validators) IsZero() bool { return v.ETag == "" && v.LastModified == "" }

// Cache keeps list answers between syncs.
type Cache interface {
	// Lookup returns what was stored for the address.
	Lookup(url string) (Validators, []byte, bool)
	// Store keeps an answer and its validators.
	Store(url string, v Validators, body []byte)
}

// Errors a Client returns, wrapped in an *Error; test with errors.Is.
var (
	ErrNotModified = errors.New("not modified since the last sync")
	ErrClient      = errors.New("the server refused the request")
	ErrServer      = errors.New("the server failed")
	ErrTimeout     = errors.New("no answer in time")
	ErrNetwork     = errors.New("the connection failed")
	ErrCutOff      = errors.New("the answer was cut off")
	ErrTooLarge    = errors.New("the answer is too large")
	ErrOffSite     = errors.New("the server sent minutebook to another site")
	ErrNotSaved    = errors.New("the answer is not in the saved folder")
)

// Error is a request that failed: which, how, after how many tries.
type Error struct {
	URL      string
	Status   int // the HTTP status, 0 when there was none
	Attempts int
	Kind     error // one of the Err… values
	Detail   string
}

func (e *Error) Error() string {
	s := e.URL + ": " + e.Detail
	if e.Attempts > 1 {
		s += fmt.Sprintf(" (tried %d times)", e.Attempts)
	}
	return s
}

func (e *Error) Unwrap() error { return e.Kind }

// Temporary reports whether trying again later may work.
func (e *Error) Temporary() bool {
	switch e.Kind {
	case ErrServer, ErrTimeout, ErrNetwork, ErrCutOff:
		return true
	}
	return false
}

// Client talks to one site's web service: one request at a time, at most
// one per Options.Interval, each bounded in size and time, retried with
// backoff when the failure may pass.
type Client struct {
	site  Site
	opt   Options
	http  *http.Client
	mu    sync.Mutex // one request at a time
	last  time.Time  // when the last request started
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

// New returns a client for the site.
func New(site Site, opt Options) *Client {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent("dev")
	}
	if opt.Retries == 0 {
		opt.Retries = DefaultRetries
	} else if opt.Retries < 0 {
		opt.Retries = 0
	}
	if opt.Backoff <= 0 {
		opt.Backoff = 2 * time.Second
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = 60 * time.Second
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 60 * time.Second
	}
	if opt.MaxXMLBytes <= 0 {
		opt.MaxXMLBytes = DefaultMaxXMLBytes
	}
	if opt.MaxDocumentBytes <= 0 {
		opt.MaxDocumentBytes = DefaultMaxDocumentBytes
	}
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	}
	c := &Client{site: site, opt: opt, now: time.Now, sleep: sleepCtx}
	tr := opt.Transport
	if tr == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxConnsPerHost = 1
		t.ResponseHeaderTimeout = opt.Timeout
		tr = t
	}
	c.http = &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return &redirectError{to: req.URL.String(), many: true}
			}
			if !c.site.SameSite(req.URL.String()) {
				return &redirectError{to: req.URL.String()}
			}
			return nil
		},
	}
	return c
}

// Site is the site the client talks to.
func (c *Client) Site() Site { return c.site }

type redirectError struct {
	to   string
	many bool
}

func (e *redirectError) Error() string { return "redirect to " + e.to }

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// request is one GET: its address, its name in a saved folder, the most
// it may return, and the validators to send.
type request struct {
	url   string
	key   string
	limit int64
	cond  Validators
	what  string // "answer" or "document", for messages
}

type response struct {
	body        []byte
	notModified bool
	val         Validators
}

// Committees lists the site's committees (GetCommittees).
func (c *Client) Committees(ctx context.Context) ([]Committee, error) {
	body, err := c.list(ctx, request{url: c.site.CommitteesURL(), key: "GetCommittees.xml"})
	if err != nil {
		return nil, err
	}
	cs, err := DecodeCommittees(body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.site.CommitteesURL(), err)
	}
	return cs, nil
}

// Meetings lists one committee's meetings between two dates
// (GetMeetings). Meetings outside the dates are left out, whatever the
// server sends.
func (c *Client) Meetings(ctx context.Context, committeeID string, from, to minutes.Date) ([]MeetingRef, error) {
	u := c.site.MeetingsURL(committeeID, from, to)
	body, err := c.list(ctx, request{url: u, key: "GetMeetings-" + safeKey(committeeID) + ".xml"})
	if err != nil {
		return nil, err
	}
	ms, err := DecodeMeetings(body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	out := ms[:0]
	for _, m := range ms {
		if d, err := ParseDate(m.Date); err == nil && (d.Before(from) || d.After(to)) {
			continue
		}
		out = append(out, m)
	}
	return out, nil
}

// list fetches a list answer, conditionally when the cache has it.
func (c *Client) list(ctx context.Context, r request) ([]byte, error) {
	r.limit, r.what = c.opt.MaxXMLBytes, "answer"
	var cached []byte
	if c.opt.Cache != nil && c.opt.Offline == "" {
		if v, body, ok := c.opt.Cache.Lookup(r.url); ok && body != nil {
			r.cond, cached = v, body
		}
	}
	resp, err := c.get(ctx, r)
	if err != nil {
		return nil, err
	}
	if resp.notModified {
		return cached, nil
	}
	if c.opt.Cache != nil && c.opt.Offline == "" && !resp.val.IsZero() {
		c.opt.Cache.Store(r.url, resp.val, resp.body)
	}
	return resp.body, nil
}

// Meeting fetches one meeting (GetMeeting). With validators from an
// earlier fetch it asks conditionally, and returns an error wrapping
// ErrNotModified when the server says nothing changed. It returns the
// answer's validators, to keep for the next sync.
func (c *Client) Meeting(ctx context.Context, meetingID string, cond Validators) (*Meeting, Validators, error) {
	u := c.site.MeetingURL(meetingID)
	resp, err := c.get(ctx, request{url: u, key: "GetMeeting-" + safeKey(meetingID) + ".xml", limit: c.opt.MaxXMLBytes, cond: cond, what: "answer"})
	if err != nil {
		return nil, Validators{}, err
	}
	if resp.notModified {
		return nil, cond, &Error{URL: u, Status: http.StatusNotModified, Attempts: 1, Kind: ErrNotModified, Detail: "not modified"}
	}
	m, err := DecodeMeeting(resp.body)
	if err != nil {
		return nil, Validators{}, fmt.Errorf("%s: %w", u, err)
	}
	if strings.TrimSpace(m.ID) != "" && strings.TrimSpace(m.ID) != strings.TrimSpace(meetingID) {
		return nil, Validators{}, fmt.Errorf("%s: %w: it is meeting %s, not %s", u, ErrMalformed, oneLine(m.ID), oneLine(meetingID))
	}
	return m, resp.val, nil
}

// Document fetches a linked document (a printed-minutes PDF). Links to
// another host are refused.
func (c *Client) Document(ctx context.Context, link string) ([]byte, error) {
	u := c.site.Resolve(link)
	if u == "" {
		return nil, &Error{URL: minutes.Sanitize(link), Kind: ErrOffSite,
			Detail: "the document is on another site; minutebook fetches documents only from " + c.site.Host()}
	}
	resp, err := c.get(ctx, request{url: u, key: documentKey(u), limit: c.opt.MaxDocumentBytes, what: "document"})
	if err != nil {
		return nil, err
	}
	return resp.body, nil
}

var reUnsafe = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// safeKey makes an ID fit a file name.
func safeKey(s string) string {
	s = reUnsafe.ReplaceAllString(strings.TrimSpace(s), "_")
	if len(s) > 64 {
		s = s[:64]
	}
	if s == "" || s == "." || s == ".." {
		s = "_"
	}
	return s
}

// documentKey names a document in a saved folder by its address:
// "documents/mgConvert2PDF.aspx_ID_60860".
func documentKey(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "documents/" + safeKey(u)
	}
	name := baseName(p.Path)
	if p.RawQuery != "" {
		name += "_" + p.RawQuery
	}
	s := reUnsafe.ReplaceAllString(name, "_")
	if len(s) > 120 {
		s = s[len(s)-120:]
	}
	return "documents/" + strings.Trim(s, "._")
}

func baseName(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// get makes one request, from the saved folder or over HTTP, and saves
// the answer when asked.
func (c *Client) get(ctx context.Context, r request) (response, error) {
	if c.opt.Offline != "" {
		return c.readSaved(r)
	}
	resp, err := c.fetch(ctx, r)
	if err == nil && c.opt.Save != "" && !resp.notModified {
		if err := writeSaved(c.opt.Save, r.key, resp.body); err != nil {
			return resp, err
		}
	}
	return resp, err
}

func (c *Client) readSaved(r request) (response, error) {
	name := filepath.Join(c.opt.Offline, filepath.FromSlash(r.key))
	f, err := os.Open(name)
	if err != nil {
		detail := "it is not in " + c.opt.Offline + " (" + r.key + "); fetch it with minutebook sync --save on a machine that can reach the site"
		return response{}, &Error{URL: r.url, Kind: ErrNotSaved, Detail: detail}
	}
	defer f.Close()
	body, err := io.ReadAll(io.LimitReader(f, r.limit+1))
	if err != nil {
		return response{}, &Error{URL: r.url, Kind: ErrNotSaved, Detail: "cannot read " + name + ": " + err.Error()}
	}
	if int64(len(body)) > r.limit {
		return response{}, &Error{URL: r.url, Kind: ErrTooLarge, Detail: fmt.Sprintf("the saved %s %s is over the %s limit", r.what, name, formatBytes(r.limit))}
	}
	return response{body: body}, nil
}

// writeSaved writes one answer into the saved folder, whole or not at all.
func writeSaved(dir, key string, body []byte) error {
	name := filepath.Join(dir, filepath.FromSlash(key))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("save %s: %w", key, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".save-*")
	if err != nil {
		return fmt.Errorf("save %s: %w", key, err)
	}
	_, err = tmp.Write(body)
	if e := tmp.Close(); err == nil {
		err = e
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("save %s: %w", key, err)
	}
	return nil
}

// fetch makes the request over HTTP, retrying what may pass.
func (c *Client) fetch(ctx context.Context, r request) (response, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var last *Error
	for attempt := 1; ; attempt++ {
		if err := c.sleep(ctx, c.last.Add(c.opt.Interval).Sub(c.now())); err != nil {
			return response{}, err
		}
		c.last = c.now()
		resp, retryAfter, err := c.once(ctx, r)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return response{}, ctx.Err()
		}
		var e *Error
		if !errors.As(err, &e) {
			return response{}, err
		}
		e.Attempts = attempt
		last = e
		if !e.Temporary() || attempt > c.opt.Retries {
			return response{}, last
		}
		wait := c.opt.Backoff << (attempt - 1)
		if retryAfter > wait {
			wait = retryAfter
		}
		if wait > c.opt.MaxWait {
			wait = c.opt.MaxWait
		}
		c.opt.Logf("%s: %s; trying again in %s", r.url, e.Detail, wait.Round(time.Millisecond))
		if err := c.sleep(ctx, wait); err != nil {
			return response{}, err
		}
	}
}

// once makes one HTTP request.
func (c *Client) once(ctx context.Context, r request) (response, time.Duration, error) {
	rctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, r.url, nil)
	if err != nil {
		return response{}, 0, &Error{URL: r.url, Kind: ErrClient, Detail: "the address cannot be requested: " + err.Error()}
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	if r.what == "document" {
		req.Header.Set("Accept", "application/pdf, */*;q=0.5")
	} else {
		req.Header.Set("Accept", "text/xml, application/xml;q=0.9, */*;q=0.1")
	}
	if r.cond.ETag != "" {
		req.Header.Set("If-None-Match", r.cond.ETag)
	}
	if r.cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.cond.LastModified)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return response{}, 0, c.transportError(ctx, rctx, r, err)
	}
	defer res.Body.Close()
	val := Validators{ETag: res.Header.Get("ETag"), LastModified: res.Header.Get("Last-Modified")}
	switch {
	case res.StatusCode == http.StatusOK:
	case res.StatusCode == http.StatusNotModified && !r.cond.IsZero():
		return response{notModified: true, val: val}, 0, nil
	case res.StatusCode >= 500, res.StatusCode == http.StatusTooManyRequests, res.StatusCode == http.StatusRequestTimeout:
		drain(res.Body)
		return response{}, retryAfter(res.Header.Get("Retry-After")), &Error{URL: r.url, Status: res.StatusCode, Kind: ErrServer,
			Detail: "the server answered " + statusText(res)}
	case res.StatusCode >= 400:
		drain(res.Body)
		return response{}, 0, &Error{URL: r.url, Status: res.StatusCode, Kind: ErrClient,
			Detail: "the server answered " + statusText(res) + clientHint(res.StatusCode)}
	default:
		drain(res.Body)
		return response{}, 0, &Error{URL: r.url, Status: res.StatusCode, Kind: ErrClient,
			Detail: "the server answered " + statusText(res) + ", not 200 OK"}
	}
	if res.ContentLength > r.limit {
		return response{}, 0, &Error{URL: r.url, Status: res.StatusCode, Kind: ErrTooLarge,
			Detail: fmt.Sprintf("the %s is %s, over minutebook's %s limit", r.what, formatBytes(res.ContentLength), formatBytes(r.limit))}
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, r.limit+1))
	if int64(len(body)) > r.limit {
		return response{}, 0, &Error{URL: r.url, Status: res.StatusCode, Kind: ErrTooLarge,
			Detail: fmt.Sprintf("the %s is over minutebook's %s limit", r.what, formatBytes(r.limit))}
	}
	if err != nil {
		if ctx.Err() != nil {
			return response{}, 0, ctx.Err()
		}
		if rctx.Err() != nil {
			return response{}, 0, &Error{URL: r.url, Status: res.StatusCode, Kind: ErrTimeout,
				Detail: fmt.Sprintf("the %s did not arrive within %s", r.what, c.opt.Timeout)}
		}
		return response{}, 0, &Error{URL: r.url, Status: res.StatusCode, Kind: ErrCutOff,
			Detail: fmt.Sprintf("the %s was cut off after %s", r.what, formatBytes(int64(len(body))))}
	}
	if res.ContentLength >= 0 && int64(len(body)) < res.ContentLength {
		return response{}, 0, &Error{URL: r.url, Status: res.StatusCode, Kind: ErrCutOff,
			Detail: fmt.Sprintf("the %s was cut off after %s of %s", r.what, formatBytes(int64(len(body))), formatBytes(res.ContentLength))}
	}
	return response{body: body, val: val}, 0, nil
}

func (c *Client) transportError(ctx, rctx context.Context, r request, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var re *redirectError
	if errors.As(err, &re) {
		if re.many {
			return &Error{URL: r.url, Kind: ErrOffSite, Detail: "the server redirected more than 5 times"}
		}
		return &Error{URL: r.url, Kind: ErrOffSite,
			Detail: "the server redirected to " + minutes.Sanitize(re.to) + ", another site; minutebook follows redirects only within " + c.site.Host()}
	}
	if rctx.Err() != nil {
		return &Error{URL: r.url, Kind: ErrTimeout, Detail: fmt.Sprintf("no answer within %s", c.opt.Timeout)}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return &Error{URL: r.url, Kind: ErrTimeout, Detail: fmt.Sprintf("no answer within %s", c.opt.Timeout)}
	}
	var ue *url.Error
	msg := err.Error()
	if errors.As(err, &ue) {
		msg = ue.Err.Error()
	}
	return &Error{URL: r.url, Kind: ErrNetwork, Detail: "the connection failed: " + oneLine(msg)}
}

func statusText(res *http.Response) string {
	if t := http.StatusText(res.StatusCode); t != "" {
		return strconv.Itoa(res.StatusCode) + " " + t
	}
	return strconv.Itoa(res.StatusCode)
}

func clientHint(status int) string {
	switch status {
	case http.StatusNotFound:
		return " (is this a Modern.gov site, with its web service mgWebService.asmx turned on?)"
	case http.StatusUnauthorized, http.StatusForbidden:
		return " (the site does not let minutebook in: its web service may be closed to the public)"
	}
	return ""
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if n, err := strconv.Atoi(h); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return time.Until(t)
	}
	return 0
}

func drain(r io.Reader) { _, _ = io.Copy(io.Discard, io.LimitReader(r, 64<<10)) }

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
