package minutes

// applyKnown puts what the caller knows of the meeting (Options.Committee
// and Date) in place of what the header gave, warning when the header's
// date is another one.
func applyKnown(m *Meeting, opt Options) {
	if opt.Committee != "" {
		m.Committee = Sanitize(opt.Committee)
		m.idBody = "" // the publisher's committee names the IDs too
	}
	if !opt.Date.IsZero() {
		if !m.Date.IsZero() && m.Date != opt.Date {
			m.warn(0, "the minutes give the date "+m.Date.String()+" but their publisher gives "+opt.Date.String()+"; the publisher's date is used")
		}
		m.Date = opt.Date
	}
}

// PersonName returns a person's name as the parser keeps names: without
// honorifics ("Councillor", "Cllr", "Dr"), post-nominals or notes in
// brackets. It returns "" when what is left is not a name.
func PersonName(s string) string { return cleanName(Sanitize(s)) }
