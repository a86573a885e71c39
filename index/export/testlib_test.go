package export

import (
	"time"

	"github.com/minutebook/minutebook/index/export/exporttest"
	"github.com/minutebook/minutebook/minutes"
)

// The tests run on exporttest's in-memory library.

const (
	osc   = exporttest.OSC
	panel = exporttest.Panel
)

func newFakeLibrary() *exporttest.Library { return exporttest.New() }

func d(s string) minutes.Date { return exporttest.D(s) }

func at(s string) time.Time { return exporttest.At(s) }
