package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/moderngov"
	"github.com/minutebook/minutebook/minutes"
)

// syncFlags are sync's flags.
type syncFlags struct {
	committees []string
	since      string
	rate       float64
	recheck    bool
	council    string
	offline    string
	save       string
	asJSON     bool
}

func newSyncCmd(a *app) *cobra.Command {
	var f syncFlags
	cmd := &cobra.Command{
		Use:   "sync [URL]",
		Short: "Bring the library up to date from councils' Modern.gov sites",
		Long: `Fetch committee minutes from a council's Modern.gov site (its web service,
mgWebService.asmx) and import them: every meeting with published minutes
in the date window, read from its per-item minutes or, when it has none,
its printed-minutes PDF.

With a URL, the site becomes one of the library's sources (see minutebook
sources) and is synced; --council, --committee and --since are remembered
for a new source, and apply to this sync only for one already added.
Without a URL, every source is synced: what cron runs.

Syncing is idempotent: unchanged minutes add nothing; changed minutes
replace their meeting and keep its tracking. Meetings imported more than
six months ago are not fetched again unless --recheck is given. A sync
that is interrupted (Ctrl-C, a crash, kill) resumes where it stopped the
next time.

minutebook is polite to the council's server: one request at a time, one a
second (--rate), conditional requests when the server allows them, a few
retries with backoff on server errors, and a User-Agent that names it.

--save DIR fetches what a sync would read into DIR and imports nothing (no
library is needed); --offline DIR then imports from that folder on another
machine, without the network.

Exit status: 0 when everything synced, 2 when some meetings failed (they
are named, and tried again next time), 1 when a site could not be synced
at all.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			url := ""
			if len(args) == 1 {
				url = args[0]
			}
			return runSync(cmd.Context(), a, url, f)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&f.committees, "committee", nil, "sync only this committee (its name, part of it, or the site's ID); repeat for more")
	fl.StringVar(&f.since, "since", "", "sync meetings from this date (YYYY-MM-DD; default the start of the month a year back)")
	fl.Float64Var(&f.rate, "rate", 1, "requests a second (0: no limit — only for your own server)")
	fl.BoolVar(&f.recheck, "recheck", false, "fetch every meeting in the window again, however long ago it was imported")
	fl.StringVar(&f.council, "council", "", "the council's name, remembered with the source (\"Wexcombe Borough Council\")")
	fl.StringVar(&f.offline, "offline", "", "read the site's answers from this folder (saved by --save) instead of the network")
	fl.StringVar(&f.save, "save", "", "save the site's answers into this folder and import nothing")
	fl.BoolVar(&f.asJSON, "json", false, "print what each sync did as JSON")
	return cmd
}

// savedSite is what --save writes beside the answers, so --offline knows
// which site they came from.
type savedSite struct {
	Site    string `json:"site"`
	Council string `json:"council,omitempty"`
	Saved   string `json:"saved"`
	By      string `json:"by"`
}

const savedSiteFile = "site.json"

// syncReport is one source's sync, for --json.
type syncReport struct {
	Site       string   `json:"site"`
	Council    string   `json:"council,omitempty"`
	Resumed    bool     `json:"resumed"`
	Committees int      `json:"committees"`
	Listed     int      `json:"listed"`
	Fetched    int      `json:"fetched"`
	New        int      `json:"new"`
	Changed    int      `json:"changed"`
	Unchanged  int      `json:"unchanged"`
	Waiting    int      `json:"without_minutes"`
	Failed     int      `json:"failed"`
	Failures   []string `json:"failures"`
	Saved      int      `json:"saved,omitempty"`
	Error      string   `json:"error,omitempty"`
}

func runSync(ctx context.Context, a *app, url string, f syncFlags) error {
	since, err := dateFlag("--since", f.since)
	if err != nil {
		return err
	}
	if f.rate < 0 {
		return fmt.Errorf("--rate %v: give requests a second, e.g. 1 or 0.5 (0 turns the limit off)", f.rate)
	}
	if f.offline != "" && f.save != "" {
		return errors.New("--offline and --save do not go together: save on the machine that can reach the site, then sync --offline elsewhere")
	}
	if f.offline != "" {
		if st, err := os.Stat(f.offline); err != nil || !st.IsDir() {
			return fmt.Errorf("--offline %s: not a folder of saved answers (make one with minutebook sync URL --save DIR)", safe(f.offline))
		}
		if url == "" {
			var s savedSite
			data, err := os.ReadFile(filepath.Join(f.offline, savedSiteFile))
			if err == nil {
				err = json.Unmarshal(data, &s)
			}
			if err != nil || s.Site == "" {
				return fmt.Errorf("--offline %s: it has no %s saying which site the answers are from; give the site's address too", safe(f.offline), savedSiteFile)
			}
			url = s.Site
			if f.council == "" {
				f.council = s.Council
			}
		}
	}
	if f.save != "" && url == "" {
		return errors.New("--save needs the site's address: minutebook sync URL --save DIR")
	}
	if url != "" {
		if _, err := moderngov.ParseSite(url); err != nil {
			return fmt.Errorf("%w: give the address of the council's Modern.gov site, e.g. https://democracy.example.gov.uk", err)
		}
	}

	opt := index.SyncOptions{
		Since: since, Recheck: f.recheck, Offline: f.offline, Save: f.save, SaveOnly: f.save != "",
		UserAgent: moderngov.DefaultUserAgent(version),
		Logf: func(format string, args ...any) {
			if !f.asJSON {
				fmt.Fprintln(a.stderr, "minutebook:", safe(fmt.Sprintf(format, args...)))
			}
		},
	}
	opt.Rate = f.rate
	if f.rate == 0 {
		opt.Rate = -1 // no limit
	}

	var lib *index.Library
	if f.save != "" {
		// Fetch only: the sync's bookkeeping goes into a library that
		// lives as long as this command.
		lib, err = index.Open(ctx, ":memory:", index.Options{Parse: a.documentParser(), ReadLimits: documentLimits(a.pdfEngine), Command: "minutebook sync --save"})
		if err == nil {
			if err = os.MkdirAll(f.save, 0o755); err != nil {
				err = fmt.Errorf("--save %s: %w", safe(f.save), err)
			}
		}
	} else {
		lib, err = openLibrary(ctx, a, "sync", true)
	}
	if err != nil {
		return err
	}
	defer lib.Close()

	var sources []index.Source
	newSource := false // the source was added by this command
	if url != "" {
		src, err := lib.FindSource(ctx, url)
		added := false
		switch {
		case errors.Is(err, index.ErrNotFound):
			// A new source remembers what it was added with.
			src, added, err = lib.AddSource(ctx, index.SourceConfig{Site: url, Council: f.council, Committees: f.committees, Since: since})
			opt.Since = minutes.Date{}
		case err == nil && f.council != "" && f.council != src.Council:
			src, _, err = lib.AddSource(ctx, index.SourceConfig{Site: src.Site, Council: f.council})
			opt.Committees = f.committees // this sync only
		case err == nil:
			opt.Committees = f.committees
		}
		if err != nil {
			return err
		}
		newSource = added
		sources = append(sources, src)
	} else {
		if sources, err = lib.Sources(ctx); err != nil {
			return err
		}
		if len(sources) == 0 {
			return errors.New("the library has no sources to sync: give a council's Modern.gov site, e.g. minutebook sync https://democracy.example.gov.uk")
		}
		if len(f.committees) > 0 && len(sources) > 1 {
			return errors.New("--committee names one site's committees: give the site's address too (minutebook sync URL --committee NAME)")
		}
		opt.Committees = f.committees
	}
	if f.save != "" {
		s := savedSite{Site: sources[0].Site, Council: sources[0].Council, Saved: time.Now().UTC().Format(time.RFC3339), By: opt.UserAgent}
		data, _ := json.MarshalIndent(s, "", "  ")
		if err := os.WriteFile(filepath.Join(f.save, savedSiteFile), append(data, '\n'), 0o644); err != nil {
			return fmt.Errorf("--save %s: %w", safe(f.save), err)
		}
	}

	bar := newProgressLine(a, isTerminal(a.stderr) && !f.asJSON)
	var reports []syncReport
	var failedMeetings, failedSources int
	var stopped error
	for _, src := range sources {
		if ctx.Err() != nil {
			stopped = ctx.Err()
			break
		}
		o := opt
		o.Progress = func(p index.SyncProgress) { bar.show(syncProgressText(p)) }
		res, err := lib.SyncSource(ctx, src, o)
		bar.clear()
		rep := toSyncReport(src, res, err)
		reports = append(reports, rep)
		failedMeetings += res.Failed
		unlisted := errors.Is(err, index.ErrUnlisted)
		if newSource && unlisted && f.save == "" {
			// A site that cannot even be listed is not remembered: the
			// address is probably wrong.
			if rerr := lib.RemoveSource(ctx, src.ID); rerr == nil && !f.asJSON {
				defer fmt.Fprintf(a.stderr, "minutebook: %s was not added as a source; check the address and sync again\n", safe(src.Site))
			}
		}
		if !f.asJSON {
			for _, fl := range res.Failures {
				fmt.Fprintln(a.stderr, "minutebook:", safe(fl.Error()))
			}
			if !unlisted {
				if newSource && f.save == "" && err == nil {
					fmt.Fprintf(a.stdout, "Added %s as a source: minutebook sync updates it from now on.\n", safe(src.Site))
				}
				printSyncSummary(a, src, res, f.save != "", errors.Is(err, context.Canceled))
			}
		}
		if err != nil {
			if errors.Is(err, context.Canceled) {
				stopped = err
				break
			}
			failedSources++
			if !f.asJSON {
				fmt.Fprintln(a.stderr, "minutebook:", safe(src.Label())+":", safe(err.Error()))
			}
			if isLibraryError(err) {
				stopped = err
				break
			}
		}
	}

	if f.save == "" && stopped == nil {
		bar.show("Updating the search index…")
		err := lib.Sync(ctx, false)
		bar.clear()
		var be *index.BusyError
		switch {
		case errors.As(err, &be):
		case err != nil && !f.asJSON:
			fmt.Fprintln(a.stderr, "minutebook: the minutes are synced but the search index could not be updated:", safe(err.Error()), "(run minutebook reindex)")
		}
		bar.show("Working out the due board…")
		prepareDueBoard(ctx, lib)
		bar.clear()
	}
	if f.asJSON {
		if reports == nil {
			reports = []syncReport{}
		}
		if err := writeJSON(a.stdout, reports); err != nil {
			return err
		}
	}
	switch {
	case errors.Is(stopped, context.Canceled):
		return &exitError{2, errors.New("interrupted; run minutebook sync again to go on where it stopped")}
	case stopped != nil:
		return &exitError{1, fmt.Errorf("sync stopped: %w", stopped)}
	case failedSources > 0 && failedSources == len(sources):
		return &exitError{1, nil}
	case failedSources > 0:
		return &exitError{2, fmt.Errorf("%d of %d sources could not be synced (the reasons are above)", failedSources, len(sources))}
	case failedMeetings > 0:
		return &exitError{2, fmt.Errorf("%s could not be synced (named above); the next sync tries them again", plural(failedMeetings, "meeting"))}
	}
	return nil
}

func toSyncReport(src index.Source, res index.SyncResult, err error) syncReport {
	r := syncReport{Site: src.Site, Council: src.Council, Resumed: res.Resumed, Committees: res.Committees, Listed: res.Listed, Fetched: res.Fetched,
		New: res.New, Changed: res.Changed, Unchanged: res.Unchanged, Waiting: res.Waiting, Failed: res.Failed, Failures: []string{}, Saved: res.Saved}
	for _, f := range res.Failures {
		r.Failures = append(r.Failures, safe(f.Error()))
	}
	if err != nil {
		r.Error = safe(err.Error())
	}
	return r
}

func printSyncSummary(a *app, src index.Source, res index.SyncResult, saveOnly, interrupted bool) {
	label := safe(src.Label())
	if res.Resumed {
		label += " (resumed)"
	}
	if interrupted {
		label += " interrupted after " + plural(res.Fetched, "meeting")
	}
	if saveOnly {
		fmt.Fprintf(a.stdout, "%s: saved %s from %s; %s failed.\n", label, plural(res.Saved, "answer"), plural(res.Committees, "committee"), plural(res.Failed, "meeting"))
		return
	}
	fmt.Fprintf(a.stdout, "%s: %s.\n", label, res.Summary())
	if res.Warned > 0 {
		fmt.Fprintf(a.stdout, "%s had parts the parser was unsure of: minutebook show MEETING-ID lists them.\n", plural(res.Warned, "meeting"))
	}
}

// syncProgressText is the progress line: a bar, the count, what is being
// fetched.
func syncProgressText(p index.SyncProgress) string {
	if p.Phase == "listing" {
		if p.Total == 0 {
			return "Syncing " + cell(p.Source, 40) + ": listing committees…"
		}
		return fmt.Sprintf("Syncing %s: listing meetings, committee %d/%d %s", cell(p.Source, 30), min(p.Done+1, p.Total), p.Total, cell(p.Current, 40))
	}
	const width = 20
	filled := 0
	if p.Total > 0 {
		filled = p.Done * width / p.Total
	}
	bar := "[" + strings.Repeat("#", filled) + strings.Repeat(".", width-filled) + "]"
	s := fmt.Sprintf("%s %s %d/%d meetings", cell(p.Source, 30), bar, p.Done, p.Total)
	if p.Current != "" {
		s += " " + cell(p.Current, 40)
	}
	return s
}

// progressLine rewrites one line of stderr, when it is a terminal.
type progressLine struct {
	a     *app
	on    bool
	width int
}

func newProgressLine(a *app, on bool) *progressLine { return &progressLine{a: a, on: on} }

func (p *progressLine) show(s string) {
	if !p.on {
		return
	}
	pad := ""
	if n := len([]rune(s)); n < p.width {
		pad = strings.Repeat(" ", p.width-n)
	}
	fmt.Fprint(p.a.stderr, "\r"+s+pad)
	p.width = len([]rune(s))
}

func (p *progressLine) clear() {
	if p.on && p.width > 0 {
		fmt.Fprint(p.a.stderr, "\r"+strings.Repeat(" ", p.width)+"\r")
		p.width = 0
	}
}
