package extract

import (
	"context"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip()
	}
	res, err := ReadFile(context.Background(), p, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString(res.Text)
	t.Log(res.Format, res.Pages, res.Warnings)
}
