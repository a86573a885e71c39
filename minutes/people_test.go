package minutes

import "testing"

func TestReadPerson(t *testing.T) {
	tests := []struct {
		in   string
		name string
		role bool
	}{
		{"Cllr Jane Birch", "Jane Birch", false},
		{"Councillor Jane Birch", "Jane Birch", false},
		{"  cllr.  Jane   Birch ", "Jane Birch", false},
		{"Mrs J. Birch", "J. Birch", false},
		{"Dr Ann Lee", "Ann Lee", false},
		{"Rev. Peter Cole", "Peter Cole", false},
		{"Alderman Tom Reid", "Tom Reid", false},
		{"Deputy Mayor Sam Hart", "Sam Hart", false},
		{"Cr Alan Moss", "Alan Moss", false},
		{"Jane Birch MBE", "Jane Birch", false},
		{"JB", "JB", false},
		{"J.B.", "JB", false},
		{"Clerk", "Clerk", true},
		{"the Clerk", "Clerk", true},
		{"RFO", "RFO", true},
		{"Chair", "Chair", true},
		{"All", "All", true},
		{"all members", "All", true},
		{"Head of Highways", "Head of Highways", true},
		{"Enforcement Team Leader", "Enforcement Team Leader", true},
		{"Harrow Youth Parliament Representative", "Harrow Youth Parliament Representative", true},
		{"Borough Commander", "Borough Commander", true},
		{"None", "", false},
		{"", "", false},
		{"\xff\xfe", "", false},
		{"12345", "", false},
	}
	for _, tt := range tests {
		name, role := ReadPerson(tt.in)
		if name != tt.name || role != tt.role {
			t.Errorf("ReadPerson(%q) = %q, %v; want %q, %v", tt.in, name, role, tt.name, tt.role)
		}
	}
}

func TestPersonKey(t *testing.T) {
	for in, want := range map[string]string{"J.  Birch": "j birch", "Jane BIRCH": "jane birch", "": ""} {
		if got := PersonKey(in); got != want {
			t.Errorf("PersonKey(%q) = %q, want %q", in, got, want)
		}
	}
}
