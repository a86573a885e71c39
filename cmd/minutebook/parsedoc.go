package main

import (
	"context"

	"github.com/minutebook/minutebook/minutes"
)

// parseDocument turns one document's bytes into a meeting. It is what
// `import` and `reparse` hand the library as its parser.
func parseDocument(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
	return minutes.ParseBytes(data, minutes.Options{Name: name})
}
