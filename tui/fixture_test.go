package tui

import (
	"context"
	"time"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

func d(s string) minutes.Date {
	v, err := minutes.ParseISODate(s)
	if err != nil {
		panic(err)
	}
	return v
}

const (
	osc      = "Overview and Scrutiny Committee"
	cabinet  = "Cabinet"
	planning = "Planning Committee"
	panel    = "Riverside Place Scrutiny Panel"
)

// fixtureMeetings are a small, fictional library shaped like real minutes:
// a scrutiny committee (modelled on Harrow's bundled minutes), a cabinet,
// a planning committee, and a panel whose text carries escape sequences
// and a bidi override, as hostile documents can.
func fixtureMeetings() []*minutes.Meeting {
	oscDec := &minutes.Meeting{
		Council: "Harrow Council", Committee: osc, Date: d("2021-12-14"), Start: "18:30", End: "21:05",
		NextMeeting: d("2022-01-11"),
		Attendance: minutes.Attendance{Chair: "Sachin Shah", Present: []string{"Marilyn Ashton", "Dan Anderson", "Chetna Halai", "Kanti Rabadia"},
			Apologies: []string{"Ajay Maru"}, Substitutes: []minutes.Substitution{{Member: "Ajay Maru", Substitute: "Sasi Suresh"}}},
		Source: minutes.Source{Name: "harrow-osc-2021-12-14.txt", Hash: "9f2c"},
		Items: []minutes.Item{
			{Number: "185", Title: "Attendance by Reserve Members",
				Body: "RESOLVED: To note the attendance at this meeting of the following duly appointed Reserve Member: Councillor Sasi Suresh for Councillor Ajay Maru."},
			{Number: "186", Title: "Declarations of Interest",
				Body:        "RESOLVED: To note that there were no declarations of interests made by Members.",
				Resolutions: []minutes.Record{{Text: "To note that there were no declarations of interests made by Members.", Line: 40}}},
			{Number: "187", Title: "Minutes",
				Body:        "RESOLVED: That the minutes of the meeting held on 9 November 2021 be taken as read and signed as a correct record.",
				Resolutions: []minutes.Record{{Text: "That the minutes of the meeting held on 9 November 2021 be taken as read and signed as a correct record.", Line: 46}}},
			{Number: "188", Title: "Council's approach to Enforcement: Licensing and Enforcement Update",
				Body: "The Committee received a report on the Council's approach to enforcement across licensing, environmental crime and planning.\n\n" +
					"Members asked how many fixed penalty notices had been issued for fly-tipping. An officer undertook to provide Members with the number of fixed penalty notices issued for fly-tipping in each ward.\n\n" +
					"Members welcomed the joint working with the police on unlicensed street trading.\n\n" +
					"RESOLVED: That the report be noted and that a further report on enforcement be submitted to the June 2022 meeting of the Committee.",
				Resolutions: []minutes.Record{{Text: "That the report be noted and that a further report on enforcement be submitted to the June 2022 meeting of the Committee.", Line: 88}},
				Actions: []minutes.Record{{Text: "An officer undertook to provide Members with the number of fixed penalty notices issued for fly-tipping in each ward.",
					Owner: "Director of Environment", Line: 84}},
				FollowUps: []minutes.Record{{Text: "a further report on enforcement be submitted to the June 2022 meeting of the Committee",
					Due: d("2022-06-30"), DueMeeting: "June 2022 meeting of the Committee", Provisional: true, Target: minutes.MonthTarget(2022, 6), Line: 88}}},
			{Number: "189", Title: "Scrutiny Review of Fly-tipping",
				Body: "The Chair of the review group introduced the findings. Fly-tipping had risen by 14% in two years, concentrated in six hotspots.\n\n" +
					"The Corporate Director would circulate the fly-tipping hotspot map to Members by 31 January 2022.\n\n" +
					"RESOLVED: That the recommendations of the review be referred to Cabinet and an update be brought to the next meeting.",
				Resolutions: []minutes.Record{{Text: "That the recommendations of the review be referred to Cabinet and an update be brought to the next meeting.", Line: 101}},
				Actions: []minutes.Record{{Text: "The Corporate Director would circulate the fly-tipping hotspot map to Members by 31 January 2022.",
					Owner: "Corporate Director, Community", Due: d("2022-01-31"), Target: minutes.DateTarget(), Line: 98}},
				FollowUps: []minutes.Record{{Text: "an update be brought to the next meeting", Due: d("2022-01-11"), DueMeeting: "the next meeting", Target: minutes.NextTarget(), Line: 101}}},
			{Number: "190", Title: "Borough Commander's Update",
				Body: "The Borough Commander presented the quarterly update. Knife crime had fallen by 9% but remained above the London average.\n\n" +
					"The Borough Commander would provide performance figures on knife crime in each ward to Members.",
				Actions: []minutes.Record{{Text: "The Borough Commander would provide performance figures on knife crime in each ward to Members.",
					Owner: "Borough Commander", Line: 112}}},
		},
	}
	oscJan := &minutes.Meeting{
		Council: "Harrow Council", Committee: osc, Date: d("2022-01-11"), Start: "18:30", End: "20:40",
		NextMeeting: d("2022-06-14"),
		Attendance:  minutes.Attendance{Chair: "Sachin Shah", Present: []string{"Marilyn Ashton", "Dan Anderson", "Chetna Halai", "Ajay Maru"}},
		Source:      minutes.Source{Name: "harrow-osc-2022-01-11.txt", Hash: "41aa"},
		Items: []minutes.Item{
			{Number: "201", Title: "Fly-tipping: Update",
				Body: "Officers reported on progress since the review. Two hotspot cameras had been installed and enforcement patrols doubled."},
			{Number: "202", Title: "Budget Scrutiny 2022/23",
				Body: "The Director of Finance introduced the draft budget and the savings proposals.\n\n" +
					"Officers to circulate the savings tracker to Members before the Budget Council meeting.\n\n" +
					"RESOLVED: That the comments of the Committee be passed to Cabinet and a report on the delivery of savings be brought back in six months' time.",
				Resolutions: []minutes.Record{{Text: "That the comments of the Committee be passed to Cabinet and a report on the delivery of savings be brought back in six months' time.", Line: 60}},
				Actions: []minutes.Record{{Text: "Officers to circulate the savings tracker to Members before the Budget Council meeting.",
					Owner: "Director of Finance", Due: d("2022-02-24"), Target: minutes.DateTarget(), Line: 57}},
				FollowUps: []minutes.Record{{Text: "a report on the delivery of savings be brought back in six months' time",
					Due: d("2022-07-11"), Target: minutes.OffsetTarget(6, minutes.Months), Line: 60}}},
			{Number: "203", Title: "Housing Repairs Performance",
				Body: "Members raised concerns about damp and mould in council homes.\n\n" +
					"The Head of Housing to write to all tenants affected by the heating outage by 1 June 2022.",
				Actions: []minutes.Record{{Text: "The Head of Housing to write to all tenants affected by the heating outage by 1 June 2022.",
					Owner: "Head of Housing", Due: d("2022-06-01"), Target: minutes.DateTarget(), Line: 75}}},
		},
	}
	cab := &minutes.Meeting{
		Council: "Harrow Council", Committee: cabinet, Date: d("2022-02-17"), Start: "18:30",
		NextMeeting: d("2022-03-17"),
		Attendance:  minutes.Attendance{Chair: "Graham Henson", Present: []string{"Sue Anderson", "Keith Ferry", "Varsha Parmar"}},
		Source:      minutes.Source{Name: "harrow-cabinet-2022-02-17.txt", Hash: "77b0"},
		Items: []minutes.Item{
			{Number: "612", Title: "Revenue Budget 2022/23 and Medium Term Financial Strategy",
				Body: "RECOMMENDED to Council:\n(1) That the 2022/23 budget be approved to enable the Council Tax for 2022/23 to be set;\n(2) That the Medium Term Financial Strategy be approved.\n\n" +
					"The Director of Finance to publish the final budget book by 31 March 2022.",
				Resolutions: []minutes.Record{
					{Part: "1", Text: "That the 2022/23 budget be approved to enable the Council Tax for 2022/23 to be set;", Line: 30},
					{Part: "2", Text: "That the Medium Term Financial Strategy be approved.", Line: 31}},
				Actions: []minutes.Record{{Text: "The Director of Finance to publish the final budget book by 31 March 2022.",
					Owner: "Director of Finance", Due: d("2022-03-31"), Target: minutes.DateTarget(), Line: 34}}},
			{Number: "613", Title: "Climate Emergency Action Plan",
				Body: "The Portfolio Holder introduced the plan. The Portfolio Holder to write to the Secretary of State about bus service funding.\n\n" +
					"RESOLVED: That the plan be adopted and a progress report be presented to Cabinet in twelve months.",
				Resolutions: []minutes.Record{{Text: "That the plan be adopted and a progress report be presented to Cabinet in twelve months.", Line: 45}},
				Actions: []minutes.Record{{Text: "The Portfolio Holder to write to the Secretary of State about bus service funding.",
					Owner: "Portfolio Holder for Environment", Line: 42}},
				FollowUps: []minutes.Record{{Text: "a progress report be presented to Cabinet in twelve months",
					Due: d("2023-02-17"), Target: minutes.OffsetTarget(12, minutes.Months), Line: 45}}},
		},
	}
	plan := &minutes.Meeting{
		Council: "Harrow Council", Committee: planning, Date: d("2022-03-02"),
		NextMeeting: d("2022-06-08"),
		Attendance:  minutes.Attendance{Chair: "Keith Ferry", Present: []string{"Ghazanfar Ali", "Christopher Baxter"}},
		Source:      minutes.Source{Name: "harrow-planning-2022-03-02.txt", Hash: "c3d1"},
		Items: []minutes.Item{
			{Number: "45", Title: "21/04567/FUL Land at Station Road",
				Body: "RESOLVED: That planning permission be granted subject to conditions and a Section 106 agreement.\n\n" +
					"Officers to bring the Section 106 heads of terms back to Committee.",
				Resolutions: []minutes.Record{{Text: "That planning permission be granted subject to conditions and a Section 106 agreement.", Line: 20}},
				Actions: []minutes.Record{{Text: "Officers to bring the Section 106 heads of terms back to Committee.",
					Owner: "Head of Planning", Due: d("2022-06-08"), Target: minutes.NextTarget(), Line: 23}}},
			{Number: "46", Title: "Planning Enforcement Quarterly Report",
				Body:        "RESOLVED: That the report be noted and the next quarterly report be submitted to the June meeting of the Committee.",
				Resolutions: []minutes.Record{{Text: "That the report be noted and the next quarterly report be submitted to the June meeting of the Committee.", Line: 30}},
				FollowUps: []minutes.Record{{Text: "the next quarterly report be submitted to the June meeting of the Committee",
					Due: d("2022-06-30"), DueMeeting: "the June meeting of the Committee", Provisional: true, Target: minutes.MonthTarget(2022, 6), Line: 30}}},
		},
	}
	riv := &minutes.Meeting{
		Council: "Northmere Borough Council", Committee: panel, Date: d("2022-04-05"),
		NextMeeting: d("2022-05-24"),
		Attendance:  minutes.Attendance{Chair: "Ruth Okafor", Present: []string{"Tom Birch"}},
		Source:      minutes.Source{Name: "riverside-2022-04-05.txt", Hash: "e5f6"},
		Items: []minutes.Item{
			{Number: "7", Title: "Community Safety \x1b]0;pwned\x07Update",
				Body: "Residents described anti-social behaviour by the \x1b[31mriver path\x1b[0m.\n\n" +
					"The Community Safety Manager\x1b[2J to arrange a ward walk with residents by 27 May 2022.\n\n" +
					"A resident's letter read \u202egnippit-ylf\u202c aloud.",
				Actions: []minutes.Record{{Text: "The Community Safety Manager\x1b[2J to arrange a ward walk with residents by 27 May 2022.",
					Owner: "Community Safety Manager\u009b31m", Due: d("2022-05-27"), Target: minutes.DateTarget(), Line: 12}}},
		},
	}
	var out []*minutes.Meeting
	for _, m := range []*minutes.Meeting{oscDec, oscJan, cab, plan, riv} {
		out = append(out, assignIDs(m))
	}
	return out
}

// newFixture is the fake library over the fixture meetings, with one
// follow-up returned and one action done, as a clerk would have left them.
func newFixture() *fakeLib {
	f := newFakeLib(fixtureMeetings())
	f.returned["osc-2021-12-14-189-f1"] = index.ItemRef{ItemID: "osc-2022-01-11-201", MeetingID: "osc-2022-01-11", MeetingDate: d("2022-01-11"),
		Committee: osc, Minute: "201", Title: "Fly-tipping: Update", Matched: []string{"fly-tipping", "update"}}
	done := index.StatusDone
	f.now = func() time.Time { return fakeNow.AddDate(0, 0, -40) }
	if _, err := f.Update(context.Background(), "cabinet-2022-02-17-612-a1",
		index.Change{Status: &done, Note: "Budget book published on the website.", Who: "Priya Shah"}); err != nil {
		panic(err)
	}
	f.now = func() time.Time { return fakeNow }
	f.gen = 1
	return f
}
