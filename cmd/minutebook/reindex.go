package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newReindexCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "reindex",
		Short: "Rebuild the search index from the library's store",
		Long: `Delete the search index and build it again from the store. The index holds
nothing the store does not, so this is always safe; minutebook also does it
by itself when the index is damaged or from another version.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := openLibrary(cmd.Context(), a, "reindex", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			res, err := lib.Reindex(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, map[string]any{"documents": res.Documents, "meetings": res.Meetings, "seconds": res.Took.Seconds()})
			}
			meetings := fmt.Sprintf("%d meetings'", res.Meetings)
			if res.Meetings == 1 {
				meetings = "1 meeting's"
			}
			fmt.Fprintf(a.stdout, "Rebuilt the search index: %d documents (records and items) and %s attendance in %.1fs.\n",
				res.Documents, meetings, res.Took.Seconds())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return cmd
}
