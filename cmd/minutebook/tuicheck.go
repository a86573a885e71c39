package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/moderngov"
	"github.com/minutebook/minutebook/minutes/extract"
	"github.com/minutebook/minutebook/tui"
)

// tuiChecker is the TUI's :check: the check `minutebook check` runs, on a
// file or on the document a meeting of the library came from.
type tuiChecker struct {
	a   *app
	lib *index.Library
}

func (c tuiChecker) CheckFile(ctx context.Context, path string) (tui.CheckReport, error) {
	rep, err := checkDocument(ctx, c.a, path)
	if err != nil {
		return tui.CheckReport{}, err
	}
	return rep.forTUI(), nil
}

func (c tuiChecker) CheckMeeting(ctx context.Context, meetingID string) (tui.CheckReport, error) {
	name, data, err := c.lib.MeetingDocument(ctx, meetingID)
	if err != nil {
		return tui.CheckReport{}, err
	}
	res, err := storedText(ctx, c.a, name, data)
	if err != nil {
		return tui.CheckReport{}, documentError(name, err)
	}
	rep, err := checkText(name, name, res)
	if err != nil {
		return tui.CheckReport{}, err
	}
	return rep.forTUI(), nil
}

// storedText is the text of a document as the library keeps it: a file's
// through the readers, a synced meeting's (a moderngov bundle) as its
// per-item minutes read, or its printed minutes.
func storedText(ctx context.Context, a *app, name string, data []byte) (extract.Result, error) {
	lim := documentLimits(a.pdfEngine)
	if !moderngov.IsBundle(data) {
		return extract.Text(ctx, name, data, lim)
	}
	b, err := moderngov.DecodeBundle(data)
	if err != nil {
		return extract.Result{}, err
	}
	switch {
	case b.HasItemMinutes():
		text, warns, err := b.Text(ctx, lim)
		return extract.Result{Text: text, Format: extract.FormatText, Warnings: warns}, err
	case b.PrintedMinutes != nil && len(b.PrintedMinutes.Data) > 0:
		return extract.Text(ctx, name+".pdf", b.PrintedMinutes.Data, lim)
	}
	return extract.Result{}, fmt.Errorf("the site gave no minutes for this meeting to check")
}

// forTUI is the report as the TUI's check view shows it.
func (r *checkReport) forTUI() tui.CheckReport {
	text := strings.ReplaceAll(strings.ReplaceAll(r.text, "\r\n", "\n"), "\r", "\n")
	return tui.CheckReport{File: r.file, Problems: r.problems, Pages: r.pages, Lines: strings.Split(text, "\n"),
		Summary: strings.TrimSpace(checkSummary(r.file, r.problems))}
}
