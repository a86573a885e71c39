// Package sampledata bundles the sample minutes into the binary, so that
// minutebook can show something real on a machine with no library yet.
// README.md says where each file came from.
package sampledata

import (
	"embed"
	"io/fs"
)

//go:embed *.txt fictional/*.txt
var files embed.FS

// FS holds the sample minutes: the real Harrow minutes at the top and the
// fictional Wexbridge committee's year under fictional/. Only the .txt
// files are in it (not the parser's expectations).
var FS fs.FS = files

// Councils are the councils of the samples whose minutes do not name it,
// by file name in FS: they are imported under it, as minutebook import
// --council would (README.md says whose minutes each file is).
var Councils = map[string]string{
	"harrow-osc-2021-12-14.txt": "Harrow Council",
}
