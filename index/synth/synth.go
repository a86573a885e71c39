// Package synth makes synthetic but realistic committee minutes for
// benchmarks and tests: a fictional county council's committees meeting
// over fifteen years, with the standard opening items, substantive items
// with resolutions in numbered parts, actions with owners and due dates,
// and follow-ups due back at a named month's meeting, the next meeting or
// after a few months. Some follow-ups come back to a later meeting as an
// item on the same subject (so the library can flag them returned); the
// rest slip.
//
// Everything is fictional and deterministic: the same n and seed give the
// same meetings, with the same record IDs.
package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// Council is the fictional council every synthetic meeting belongs to.
const Council = "Borsetshire County Council"

// Years is how many years the synthetic meetings span.
const Years = 15

// FirstYear is the year of the first synthetic meeting.
const FirstYear = 2011

type committee struct {
	name     string
	weight   int    // relative number of meetings a year
	area     string // topic area
	restarts bool   // minute numbers restart at 1 each meeting
	officer  string // the lead officer's role
}

// The committees' slugs (minutes.CommitteeSlug) are all different.
var committees = []committee{
	{"Cabinet", 11, "finance", false, "Chief Executive"},
	{"Overview and Scrutiny Committee", 10, "community", false, "Head of Scrutiny"},
	{"Planning Committee", 22, "planning", true, "Head of Planning"},
	{"Licensing Sub-Committee", 30, "licensing", true, "Licensing Manager"},
	{"Audit and Governance Committee", 6, "audit", false, "Head of Internal Audit"},
	{"Health and Wellbeing Board", 6, "health", true, "Director of Public Health"},
	{"Corporate Parenting Panel", 6, "children", true, "Director of Children's Services"},
	{"Pension Fund Committee", 5, "pensions", false, "Treasury and Pensions Manager"},
	{"Environment and Transport Scrutiny Sub-Committee", 8, "environment", false, "Director of Environment"},
	{"Housing Scrutiny Panel", 7, "housing", true, "Director of Housing"},
	{"Standards Committee", 4, "standards", true, "Monitoring Officer"},
	{"Community Safety Partnership Board", 5, "safety", true, "Borough Commander"},
	{"Children and Families Scrutiny Sub-Committee", 7, "children", false, "Director of Children's Services"},
	{"Traffic and Road Safety Advisory Panel", 6, "transport", true, "Head of Highways"},
	{"Council", 8, "finance", false, "Director of Finance"},
	{"Development Management Committee", 20, "planning", true, "Development Manager"},
}

// Committees returns the names of the committees Meetings uses for n
// meetings, in the order they are listed.
func Committees(n int) []string {
	k := committeesFor(n)
	out := make([]string, k)
	for i := range k {
		out[i] = committees[i].name
	}
	return out
}

func committeesFor(n int) int {
	k := (n + 5) / 6
	if k < 1 {
		k = 1
	}
	if k > len(committees) {
		k = len(committees)
	}
	return k
}

// topics are the substantive subjects of each area. A follow-up that comes
// back returns as an item on its topic.
var topics = map[string][]string{
	"finance": {"Revenue Budget Monitoring", "Capital Programme", "Medium Term Financial Strategy",
		"Council Tax Support Scheme", "Treasury Management Strategy", "Procurement of the Waste Collection Contract",
		"Asset Disposal Programme", "Fees and Charges Review", "Digital Transformation Programme", "Leisure Centre Refurbishment"},
	"community": {"Fly-tipping Enforcement", "Community Safety Strategic Assessment", "Library Service Review",
		"Customer Services Performance", "Voluntary Sector Grants", "Council's Approach to Enforcement",
		"Street Cleansing Standards", "Anti-social Behaviour Strategy", "Cost of Living Support", "Flood Risk Management"},
	"planning": {"Land at Station Road, Ambridge", "Former Dairy Site, Hollerton Junction", "Local Plan Review",
		"Extension to Grange Farm", "Borchester Retail Park Redevelopment", "Affordable Housing Supplementary Planning Document",
		"Conservation Area Appraisal, Felpersham", "Telecommunications Mast, Loxley Barrett", "Enforcement Appeals Report",
		"Solar Farm at Lakey Hill"},
	"licensing": {"Premises Licence Review, The Bull", "Taxi Licensing Policy", "Gambling Statement of Principles",
		"Street Trading Consent, Market Square", "Sex Establishment Licensing Policy", "Temporary Event Notices",
		"Hackney Carriage Fares", "Licensing Act Statement of Policy", "Private Hire Driver Suitability", "Late Night Levy"},
	"audit": {"Internal Audit Progress", "External Audit Plan", "Strategic Risk Register", "Annual Governance Statement",
		"Counter Fraud Annual Report", "Statement of Accounts", "Information Governance Update", "Treasury Management Outturn",
		"Whistleblowing Policy", "Contract Management Review"},
	"health": {"Joint Strategic Needs Assessment", "Mental Health Crisis Care", "Childhood Obesity Strategy",
		"Health Inequalities Action Plan", "Better Care Fund Plan", "Pharmaceutical Needs Assessment",
		"Smoking Cessation Services", "Suicide Prevention Strategy", "Winter Pressures Plan", "Adult Social Care Charging Policy"},
	"children": {"Placement Sufficiency Strategy", "Care Leavers Local Offer", "Fostering Service Annual Report",
		"Virtual School Headteacher Report", "Children in Care Council Update", "Independent Reviewing Officers Report",
		"SEND Home to School Transport", "School Places Planning", "Youth Justice Plan", "Early Help Strategy"},
	"pensions": {"Investment Strategy Statement", "Triennial Fund Valuation", "Responsible Investment Policy",
		"Pension Administration Performance", "Pooling Arrangements", "Funding Strategy Statement",
		"Employer Covenant Review", "Cash Flow Forecast", "Climate Risk Reporting", "Breaches Log"},
	"environment": {"Air Quality Action Plan", "Street Tree Strategy", "Waste and Recycling Performance",
		"Parks and Open Spaces Strategy", "Climate Emergency Action Plan", "Grass Verge Maintenance",
		"Electric Vehicle Charging Points", "Fly-tipping Enforcement", "Allotments Review", "Flood Risk Management"},
	"housing": {"Temporary Accommodation Costs", "Housing Allocations Policy", "Damp and Mould in Council Homes",
		"Homelessness Prevention Strategy", "Rent Setting", "Tenant Satisfaction Measures", "Empty Homes Strategy",
		"Housing Repairs Contract", "Private Sector Licensing Scheme", "Sheltered Housing Review"},
	"standards": {"Code of Conduct Complaints", "Register of Members' Interests", "Member Training Programme",
		"Gifts and Hospitality Register", "Review of the Constitution", "Local Assessment Procedure",
		"Independent Persons Appointments", "Social Media Guidance for Members", "Dispensations", "Annual Report of the Monitoring Officer"},
	"safety": {"Knife Crime Reduction", "Violence Against Women and Girls Strategy", "Anti-social Behaviour Strategy",
		"CCTV Provision", "Domestic Abuse Strategy", "Serious Violence Duty", "Hate Crime Reporting",
		"Community Safety Strategic Assessment", "Night-time Economy Safety", "Youth Diversion Programme"},
	"transport": {"20mph Zone, Ambridge", "School Streets Programme", "Parking Controls, Felpersham",
		"Bus Service Improvement Plan", "Road Safety Scheme, Hollerton Road", "Cycle Lane Consultation",
		"Pedestrian Crossing, Loxley Barrett", "Winter Gritting Routes", "Traffic Calming, Penny Hassett", "Footway Repairs Programme"},
}

var (
	firstNames = []string{"Adam", "Brenda", "Carol", "David", "Elizabeth", "Frank", "Grace", "Harriet", "Ian", "Jazzer",
		"Kenton", "Lilian", "Matt", "Neil", "Oliver", "Pat", "Rex", "Susan", "Tony", "Usha", "Vicky", "Will", "Alice",
		"Brian", "Clarrie", "Eddie", "Fallon", "Hannah", "Jolene", "Lynda", "Peggy", "Robert", "Shula", "Toby", "Kirsty"}
	lastNames = []string{"Archer", "Aldridge", "Grundy", "Carter", "Pargetter", "Snell", "Tucker", "Horrobin", "Sterling",
		"Franks", "Gilpin", "Hebden", "Lloyd", "Pritchard", "Madikane", "Macy", "Fairbrother", "Forrest", "Barford",
		"Bellamy", "Woolley", "Travers", "Chilcott", "Noakes", "Stokes", "Bridge", "Ferris", "Perks", "Rogers", "Lynch"}
	officerRoles = []string{"Director of Finance", "Head of Legal Services", "Director of Environment", "Head of Planning",
		"Director of Housing", "Head of Community Safety", "Chief Executive", "Director of Public Health",
		"Head of Parks and Open Spaces", "Head of Customer Services", "Corporate Director of Place", "Head of Waste Services"}
	concerns = []string{"the level of resident complaints", "the impact on vulnerable residents", "the cost of the proposals",
		"the timetable for delivery", "staffing levels in the service", "the response from partners",
		"performance against the agreed targets", "the results of the public consultation", "the risks set out in the report",
		"engagement with ward councillors", "the use of agency staff", "the savings identified for the coming year"}
	actionVerbs = []string{"circulate a briefing note on %s to Members", "provide figures on %s to the Committee",
		"investigate %s and report back to Members", "arrange a site visit in connection with %s",
		"write to the relevant Minister about %s", "review the performance indicators for %s",
		"share the consultation responses on %s with Members", "meet ward councillors to discuss %s"}
)

type gen struct {
	r *rand.Rand
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) person() string { return g.pick(firstNames) + " " + g.pick(lastNames) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// pending is a follow-up waiting to come back to its committee.
type pending struct {
	topic  string
	target minutes.Date // the last day it may come back
}

// Meetings returns n synthetic meetings of a fictional council's
// committees held over fifteen years from 2011, in date order. Meetings
// never share an ID. Record IDs are assigned the way the parser assigns
// them.
func Meetings(n int, seed int64) []*minutes.Meeting {
	if n <= 0 {
		return nil
	}
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))}
	k := committeesFor(n)
	total := 0
	for i := range k {
		total += committees[i].weight
	}
	// Share n among the committees by weight.
	counts := make([]int, k)
	given := 0
	for i := range k {
		counts[i] = n * committees[i].weight / total
		given += counts[i]
	}
	for i := 0; given < n; i = (i + 1) % k {
		counts[i]++
		given++
	}
	start := time.Date(FirstYear, 1, 1, 0, 0, 0, 0, time.UTC)
	span := time.Date(FirstYear+Years, 1, 1, 0, 0, 0, 0, time.UTC).Sub(start)

	var out []*minutes.Meeting
	for ci := range k {
		c := committees[ci]
		if counts[ci] == 0 {
			continue
		}
		dates := meetingDates(g, start, span, counts[ci])
		members := make([]string, 8+g.r.IntN(6))
		for i := range members {
			members[i] = g.person()
		}
		var queue []pending
		minute := 1 + g.r.IntN(40)
		for mi, d := range dates {
			if d.Month == time.May && !c.restarts && mi > 0 && dates[mi-1].Month != time.May {
				minute = 1 // a new municipal year
			}
			if c.restarts {
				minute = 1
			}
			m := &minutes.Meeting{Council: Council, Committee: c.name, Date: d}
			if mi+1 < len(dates) && g.chance(0.8) {
				m.NextMeeting = dates[mi+1]
			}
			if g.chance(0.9) {
				m.Start = fmt.Sprintf("%02d:%02d", 18+g.r.IntN(2), []int{0, 30}[g.r.IntN(2)])
				m.End = fmt.Sprintf("%02d:%02d", 20+g.r.IntN(2), g.r.IntN(12)*5)
			}
			m.Attendance = attendance(g, members)
			queue = meeting(g, c, m, &minute, queue, dates, mi)
			name := fmt.Sprintf("%s-%s.txt", minutes.CommitteeSlug(c.name), d)
			sum := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", name, seed)))
			m.Source = minutes.Source{Name: name, Hash: hex.EncodeToString(sum[:])}
			assignIDs(m)
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Date.Compare(out[j].Date); c != 0 {
			return c < 0
		}
		return out[i].Committee < out[j].Committee
	})
	return out
}

// meetingDates spreads count meetings over the span, on weekdays, never
// two on one day.
func meetingDates(g *gen, start time.Time, span time.Duration, count int) []minutes.Date {
	step := span / time.Duration(count)
	var out []minutes.Date
	last := minutes.Date{}
	for i := range count {
		t := start.Add(step*time.Duration(i) + time.Duration(g.r.Int64N(int64(step)/2+1)))
		for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
			t = t.AddDate(0, 0, 1)
		}
		d := minutes.DateOf(t)
		if !last.Before(d) {
			d = last.AddDays(1)
		}
		out = append(out, d)
		last = d
	}
	return out
}

func attendance(g *gen, members []string) minutes.Attendance {
	a := minutes.Attendance{Chair: members[0]}
	for _, p := range members[1:] {
		switch {
		case g.chance(0.1):
			a.Apologies = append(a.Apologies, p)
		case g.chance(0.02):
			a.Absent = append(a.Absent, p)
		default:
			a.Present = append(a.Present, p)
		}
	}
	if len(a.Apologies) > 0 && g.chance(0.5) {
		a.Substitutes = append(a.Substitutes, minutes.Substitution{Member: a.Apologies[0], Substitute: g.person()})
	}
	for range 1 + g.r.IntN(3) {
		a.InAttendance = append(a.InAttendance, g.person())
	}
	return a
}

// meeting fills in m's items and returns the follow-ups still pending.
func meeting(g *gen, c committee, m *minutes.Meeting, minute *int, queue []pending, dates []minutes.Date, mi int) []pending {
	next := func() string {
		s := strconv.Itoa(*minute)
		*minute++
		return s
	}
	// The standard opening items.
	apologies := minutes.Item{Number: next(), Title: "Apologies for Absence"}
	if len(m.Attendance.Apologies) > 0 {
		apologies.Body = "Apologies for absence were received from Councillor " + strings.Join(m.Attendance.Apologies, ", Councillor ") + "."
	} else {
		apologies.Body = "There were no apologies for absence."
	}
	m.Items = append(m.Items, apologies)
	decl := minutes.Item{Number: next(), Title: "Declarations of Interest"}
	decl.Body = "RESOLVED: To note that there were no declarations of interests made by Members."
	if g.chance(0.2) {
		p := m.Attendance.Present
		if len(p) == 0 {
			p = []string{m.Attendance.Chair}
		}
		who := g.pick(p)
		decl.Declarations = []minutes.Declaration{{Member: who, Interest: g.pick([]string{"non-pecuniary", "pecuniary", "personal"}),
			Items: "Agenda Item " + strconv.Itoa(4+g.r.IntN(4)), Text: "Councillor " + who + " declared an interest as a local resident."}}
		decl.Body = "Councillor " + who + " declared an interest in that they lived in the ward concerned. They remained in the room and took part in the discussion."
	}
	m.Items = append(m.Items, decl)
	if mi > 0 {
		it := minutes.Item{Number: next(), Title: "Minutes"}
		text := "That the minutes of the meeting held on " + longDate(dates[mi-1]) + " be taken as read and signed as a correct record."
		it.Body = "RESOLVED: " + text
		it.Resolutions = []minutes.Record{{Text: text}}
		m.Items = append(m.Items, it)
	}
	if g.chance(0.3) {
		m.Items = append(m.Items, minutes.Item{Number: next(), Title: "Public Questions",
			Body: "A question was asked by a member of the public about " + strings.ToLower(g.pick(topics[c.area])) + ". The Portfolio Holder responded and a written answer would be published on the Council's website."})
	}

	// Follow-ups due back now: most come back, the rest slip.
	var still []pending
	for _, p := range queue {
		if m.Date.After(p.target) || m.Date.AddDays(45).After(p.target) {
			if g.chance(0.7) {
				m.Items = append(m.Items, substantive(g, c, m, next(), p.topic+": "+g.pick([]string{"Update", "Progress Report", "Further Report"}), dates, mi, &still))
			}
			continue
		}
		still = append(still, p)
	}
	for range 3 + g.r.IntN(5) {
		m.Items = append(m.Items, substantive(g, c, m, next(), g.pick(topics[c.area]), dates, mi, &still))
	}
	if g.chance(0.1) {
		m.Items = append(m.Items, minutes.Item{Number: next(), Title: "Exclusion of the Press and Public",
			Body: "RESOLVED: That the press and public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in Part 1 of Schedule 12A to the Local Government Act 1972."})
		it := substantive(g, c, m, next(), g.pick(topics[c.area])+" - Commercial Terms", dates, mi, &still)
		it.Exempt = true
		m.Items = append(m.Items, it)
	}
	if g.chance(0.4) {
		m.Items = append(m.Items, minutes.Item{Number: next(), Title: "Any Other Urgent Business", Body: "There was no other urgent business."})
	}
	if g.chance(0.05) {
		m.Warnings = append(m.Warnings, minutes.Warning{Line: 10 + g.r.IntN(200), Msg: "minute number out of sequence"})
	}
	return still
}

// substantive makes one item of business on a topic, with resolutions,
// maybe actions, and maybe a follow-up (which it adds to the queue).
func substantive(g *gen, c committee, m *minutes.Meeting, number, title string, dates []minutes.Date, mi int, queue *[]pending) minutes.Item {
	it := minutes.Item{Number: number, Title: title}
	subject := strings.ToLower(strings.SplitN(title, ":", 2)[0])
	officer := c.officer
	if g.chance(0.4) {
		officer = g.pick(officerRoles)
	}
	var body strings.Builder
	fmt.Fprintf(&body, "The Committee received a report of the %s which set out %s. ", officer, g.pick([]string{
		"the latest position on " + subject, "proposals in relation to " + subject, "progress made on " + subject + " since the last meeting",
		"the findings of the review of " + subject, "options for the future of " + subject}))
	for range 1 + g.r.IntN(3) {
		fmt.Fprintf(&body, "Members raised %s and asked about %s. The %s explained that %s. ", g.pick(concerns), g.pick(concerns), officer, g.pick([]string{
			"officers were working closely with partners to address the issues identified",
			"the figures would be refreshed at the end of the quarter",
			"a consultation would be launched in the new year",
			"funding had been secured from the government for a further two years",
			"the service had seen an increase in demand following the pandemic",
			"the council's approach had been commended by the regulator"}))
	}
	if g.chance(0.5) {
		fmt.Fprintf(&body, "In response to a question from Councillor %s, the %s confirmed that %s would be reviewed. ", g.person(), officer, subject)
	}
	// Resolutions, in parts when there is more than one.
	parts := 1 + g.r.IntN(3)
	resolved := []string{"the report be noted", "the recommendations set out in the report be agreed",
		"the " + subject + " be approved", "authority be delegated to the " + officer + " to implement the proposals",
		"the comments of the Committee be referred to Cabinet", "the update on " + subject + " be noted"}
	body.WriteString("\nRESOLVED: That")
	for p := range parts {
		text := "the " + strings.TrimPrefix(g.pick(resolved), "the ")
		r := minutes.Record{Text: "That " + text + "."}
		if parts > 1 {
			r.Part = strconv.Itoa(p + 1)
			fmt.Fprintf(&body, " (%d) %s;", p+1, text)
		} else {
			fmt.Fprintf(&body, " %s.", text)
		}
		it.Resolutions = append(it.Resolutions, r)
	}
	body.WriteString("\n")
	// Actions.
	for range g.r.IntN(3) {
		if !g.chance(0.6) {
			continue
		}
		owner := officer
		if g.chance(0.2) {
			owner = ""
		}
		what := fmt.Sprintf(g.pick(actionVerbs), subject)
		var text string
		if owner != "" {
			text = "The " + owner + " undertook to " + what + "."
		} else {
			text = "Officers were asked to " + what + "."
		}
		a := minutes.Record{Text: text, Owner: owner}
		if g.chance(0.5) {
			a.Due = m.Date.AddDays(14 + 7*g.r.IntN(12))
			a.Target = minutes.DateTarget()
			text = strings.TrimSuffix(text, ".") + " by " + longDate(a.Due) + "."
			a.Text = text
		}
		body.WriteString(text + " ")
		it.Actions = append(it.Actions, a)
	}
	// A follow-up.
	if g.chance(0.3) {
		f := minutes.Record{Owner: officer}
		switch g.r.IntN(3) {
		case 0: // a named month's meeting
			due := m.Date.AddMonths(3 + g.r.IntN(6))
			f.Target = minutes.MonthTarget(due.Year, due.Month)
			f.Due = minutes.EndOfMonth(due.Year, due.Month)
			f.Provisional = true
			f.DueMeeting = due.Month.String() + " " + strconv.Itoa(due.Year) + " meeting of the Committee"
			f.Text = "That a further report on " + subject + " be submitted to the " + f.DueMeeting + "."
		case 1: // the next meeting
			f.Target = minutes.NextTarget()
			f.DueMeeting = "the next meeting"
			if mi+1 < len(dates) && m.NextMeeting == dates[mi+1] {
				f.Due = m.NextMeeting
			}
			f.Text = "That an update on " + subject + " be brought to the next meeting of the Committee."
		default: // a few months' time
			months := []int{3, 6, 12}[g.r.IntN(3)]
			f.Target = minutes.OffsetTarget(months, minutes.Months)
			f.Due = m.Date.AddMonths(months)
			f.Text = fmt.Sprintf("That the %s report back on %s in %s months' time.", officer, subject, []string{"", "", "", "three", "", "", "six", "", "", "", "", "", "twelve"}[months])
		}
		body.WriteString(f.Text + "\n")
		it.FollowUps = append(it.FollowUps, f)
		target := f.Due
		if target.IsZero() {
			target = m.Date.AddMonths(2)
		}
		*queue = append(*queue, pending{topic: strings.SplitN(title, ":", 2)[0], target: target})
	}
	it.Body = strings.TrimSpace(body.String())
	return it
}

func longDate(d minutes.Date) string {
	return strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year)
}

// assignIDs numbers the records the way the parser does.
func assignIDs(m *minutes.Meeting) {
	seen := map[string]int{}
	for i := range m.Items {
		it := &m.Items[i]
		base := m.ItemID(i)
		if n := seen[base]; n > 0 {
			base += "-" + strconv.Itoa(n+1)
		}
		seen[m.ItemID(i)]++
		for j := range it.Resolutions {
			it.Resolutions[j].ID = base + "-r" + strconv.Itoa(j+1)
			it.Resolutions[j].Kind = minutes.KindResolution
		}
		for j := range it.Actions {
			it.Actions[j].ID = base + "-a" + strconv.Itoa(j+1)
			it.Actions[j].Kind = minutes.KindAction
		}
		for j := range it.FollowUps {
			it.FollowUps[j].ID = base + "-f" + strconv.Itoa(j+1)
			it.FollowUps[j].Kind = minutes.KindFollowUp
		}
	}
}
