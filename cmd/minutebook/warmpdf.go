package main

import (
	"context"
	"os"
	"os/exec"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/minutes/extract"
)

// The PDF reader (PDFium on wazero) is compiled to machine code on its
// first use on a machine and cached. Compiling peaks at about 350 MB, so
// minutebook does it in a child process of its own, and the process that
// imports or parses only loads the cached code.

// warmPDFCommand is the hidden subcommand the child runs.
const warmPDFCommand = "internal-warm-pdf"

func newWarmPDFCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:    warmPDFCommand + " CACHE_DIR",
		Short:  "Compile the PDF reader into the cache (used by minutebook itself)",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return extract.Warm(cmd.Context(), args[0])
		},
	}
}

// compilePDFInChild runs this program's internal-warm-pdf subcommand.
func compilePDFInChild(ctx context.Context, cacheDir string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, self, warmPDFCommand, cacheDir)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	return cmd.Run()
}
