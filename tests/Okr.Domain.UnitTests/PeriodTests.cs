using Okr.Domain.Periods;

namespace Okr.Domain.UnitTests;

public class PeriodTests
{
    private static Period Year() => new(TestData.OrgId, "FY2026", PeriodKind.Year, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public void A_new_period_is_in_planning()
    {
        TestData.Q3(PeriodState.Planning).State.Should().Be(PeriodState.Planning);
    }

    [Theory]
    [InlineData(PeriodState.Planning, PeriodState.Active)]
    [InlineData(PeriodState.Active, PeriodState.Review)]
    [InlineData(PeriodState.Review, PeriodState.Closed)]
    [InlineData(PeriodState.Review, PeriodState.Active)]
    public void A_period_moves_one_step_along_its_lifecycle(PeriodState from, PeriodState to)
    {
        var period = TestData.Q3(from);

        period.MoveTo(to);

        period.State.Should().Be(to);
    }

    [Theory]
    [InlineData(PeriodState.Planning, PeriodState.Review)]
    [InlineData(PeriodState.Planning, PeriodState.Closed)]
    [InlineData(PeriodState.Active, PeriodState.Closed)]
    [InlineData(PeriodState.Active, PeriodState.Active)]
    [InlineData(PeriodState.Review, PeriodState.Planning)]
    [InlineData(PeriodState.Closed, PeriodState.Active)]
    public void Any_other_transition_is_refused(PeriodState from, PeriodState to)
    {
        var period = TestData.Q3(from);

        var act = () => period.MoveTo(to);

        act.ShouldBeRefusedWith("period.invalid_transition");
        period.State.Should().Be(from);
    }

    [Fact]
    public void A_year_cannot_shrink_away_from_its_quarters()
    {
        var year = Year();
        var q3 = new Period(TestData.OrgId, "Q3 2026", PeriodKind.Quarter, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), year);

        var act = () => year.ChangeDates(new DateOnly(2026, 1, 1), new DateOnly(2026, 8, 31), null, [q3]);

        act.ShouldBeRefusedWith("period.children_outside");
        year.End.Should().Be(new DateOnly(2026, 12, 31));
        year.ChangeDates(new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 30), null, [q3]);
        year.End.Should().Be(new DateOnly(2026, 9, 30));
    }

    [Theory]
    [InlineData(PeriodState.Planning, true, false)]
    [InlineData(PeriodState.Review, false, true)]
    [InlineData(PeriodState.Active, false, false)]
    [InlineData(PeriodState.Closed, false, false)]
    public void Activating_starts_a_planned_period_and_reopening_takes_one_back_from_review(PeriodState from, bool activates, bool reopens)
    {
        foreach (var (step, allowed) in new (Action<Period>, bool)[] { (p => p.Activate(), activates), (p => p.Reopen(), reopens) })
        {
            var period = TestData.Q3(from);

            var act = () => step(period);

            if (allowed)
            {
                act();
                period.State.Should().Be(PeriodState.Active);
            }
            else
            {
                act.ShouldBeRefusedWith("period.invalid_transition");
                period.State.Should().Be(from);
            }
        }
    }

    public static TheoryData<string> Edits => ["Rename", "ChangeDates", "AddCheckpoint", "EditCheckpoint", "RemoveCheckpoint"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_closed_period_refuses_edits(string edit)
    {
        var period = TestData.Q3(PeriodState.Review);
        var checkpoint = period.AddCheckpoint("Grading due", period.End);
        period.MoveTo(PeriodState.Closed);

        Action act = edit switch
        {
            "Rename" => () => period.Rename("Q3 2026 (renamed)"),
            "ChangeDates" => () => period.ChangeDates(period.Start, period.End.AddDays(1), null),
            "AddCheckpoint" => () => period.AddCheckpoint("Retrospective", period.End),
            "EditCheckpoint" => () => period.EditCheckpoint(checkpoint.Id, "Grades due", period.End),
            "RemoveCheckpoint" => () => period.RemoveCheckpoint(checkpoint.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(edit)),
        };

        act.ShouldBeRefusedWith("period.closed");
    }

    [Theory]
    [InlineData("2026-07-01", "2026-06-30", "period.end_before_start")]
    [InlineData("2026-01-01", "2028-01-05", "period.too_long")]
    public void Period_dates_must_be_ordered_and_at_most_two_years_apart(string start, string end, string code)
    {
        var act = () => { _ = new Period(TestData.OrgId, "Custom", PeriodKind.Custom, DateOnly.Parse(start), DateOnly.Parse(end)); };

        act.ShouldBeRefusedWith(code);
    }

    [Fact]
    public void A_one_day_period_is_allowed()
    {
        var period = new Period(TestData.OrgId, "Hack day", PeriodKind.Custom, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3));

        (period.EndsAt - period.StartsAt).Should().Be(TimeSpan.FromDays(1));
    }

    [Theory]
    [InlineData("2025-12-01", "2026-02-28", "period.outside_parent")]
    [InlineData("2026-11-01", "2027-01-31", "period.outside_parent")]
    [InlineData("2026-01-01", "2026-03-31", null)]
    public void A_quarter_lies_inside_its_year(string start, string end, string? code)
    {
        var year = Year();

        var act = () => { _ = new Period(TestData.OrgId, "Q", PeriodKind.Quarter, DateOnly.Parse(start), DateOnly.Parse(end), year); };

        if (code is null) act.Should().NotThrow();
        else act.ShouldBeRefusedWith(code);
    }

    [Fact]
    public void Only_a_year_can_be_a_parent_and_a_year_has_none()
    {
        var year = Year();
        var quarter = new Period(TestData.OrgId, "Q1 2026", PeriodKind.Quarter, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), year);

        ((Action)(() => _ = new Period(TestData.OrgId, "FY", PeriodKind.Year, year.Start, year.End, year))).ShouldBeRefusedWith("period.year_has_no_parent");
        ((Action)(() => _ = new Period(TestData.OrgId, "Jan", PeriodKind.Custom, quarter.Start, quarter.Start.AddDays(30), quarter))).ShouldBeRefusedWith("period.parent_not_year");
        quarter.ParentId.Should().Be(year.Id);
    }

    [Fact]
    public void A_period_runs_from_midnight_utc_of_its_first_day_to_midnight_after_its_last()
    {
        var period = TestData.Q3();

        period.StartsAt.Should().Be(TestData.Utc(2026, 7, 1));
        period.EndsAt.Should().Be(TestData.Utc(2026, 10, 1));
    }

    [Theory]
    [InlineData("2026-06-30", false)]
    [InlineData("2026-07-01", true)]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)]
    public void A_period_contains_its_first_and_last_day(string day, bool expected)
    {
        TestData.Q3().Contains(DateOnly.Parse(day)).Should().Be(expected);
    }

    // Q3 2026 ends with 30 September (EndsAt: 1 October, 00:00 UTC); with a 7-day grace window late check-ins are taken until 8 October, 00:00 UTC.
    [Theory]
    [InlineData(PeriodState.Closed, "2026-09-20", "2026-10-03T12:00:00Z", true)]
    [InlineData(PeriodState.Closed, "2026-07-01", "2026-10-07T23:59:59Z", true)]
    [InlineData(PeriodState.Closed, "2026-09-20", "2026-10-08T00:00:00Z", false)]
    [InlineData(PeriodState.Closed, "2026-06-30", "2026-10-03T12:00:00Z", false)]
    [InlineData(PeriodState.Closed, "2026-10-01", "2026-10-03T12:00:00Z", false)]
    [InlineData(PeriodState.Review, "2026-09-20", "2026-10-03T12:00:00Z", false)]
    [InlineData(PeriodState.Active, "2026-09-20", "2026-09-21T12:00:00Z", false)]
    public void A_closed_period_takes_a_late_check_in_dated_inside_it_until_its_grace_window_ends(PeriodState state, string effective, string now,
        bool expected)
    {
        var period = TestData.Q3(state);

        period.TakesLateCheckIn(DateOnly.Parse(effective), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture),
            graceDays: 7).Should().Be(expected);
    }

    [Fact]
    public void The_default_roadmap_has_the_six_checkpoints_of_the_practice()
    {
        var period = TestData.Q3(PeriodState.Planning);

        period.AddDefaultRoadmap();

        period.Checkpoints.Select(c => (c.Name, c.Date)).Should().Equal(
            ("Company OKRs published", new DateOnly(2026, 6, 17)),
            ("Team drafts due", new DateOnly(2026, 6, 24)),
            ("Alignment review", new DateOnly(2026, 7, 1)),
            ("Mid-quarter review", new DateOnly(2026, 8, 15)),
            ("Grading due", new DateOnly(2026, 9, 30)),
            ("Retrospective", new DateOnly(2026, 10, 5)));
    }

    [Theory]
    [InlineData("2026-11-22", "2027-02-19")] // ninety days from the day it is created
    [InlineData("2026-11-22", "2026-12-05")] // a two-week pilot
    [InlineData("2026-11-22", "2026-11-22")] // a single day
    public void A_custom_periods_default_roadmap_puts_no_checkpoint_before_its_start(string start, string end)
    {
        var period = new Period(TestData.OrgId, "Pilot", PeriodKind.Custom, DateOnly.Parse(start), DateOnly.Parse(end));

        period.AddDefaultRoadmap();

        period.Checkpoints.Should().HaveCount(6);
        period.Checkpoints.Should().OnlyContain(c => c.Date >= period.Start, "a custom period is planned within itself");
        period.Checkpoints.Select(c => c.Date).Should().BeInAscendingOrder();
        period.Checkpoints.Take(5).Should().OnlyContain(c => c.Date <= period.End, "only the retrospective follows the end");
    }

    [Fact]
    public void A_ninety_day_custom_periods_roadmap_plans_in_its_first_two_weeks()
    {
        var period = new Period(TestData.OrgId, "Pilot", PeriodKind.Custom, new DateOnly(2026, 11, 22), new DateOnly(2027, 2, 20));

        period.AddDefaultRoadmap();

        period.Checkpoints.Select(c => (c.Name, c.Date)).Should().Equal(
            ("Company OKRs published", new DateOnly(2026, 11, 22)),
            ("Team drafts due", new DateOnly(2026, 11, 29)),
            ("Alignment review", new DateOnly(2026, 12, 6)),
            ("Mid-quarter review", new DateOnly(2027, 1, 6)),
            ("Grading due", new DateOnly(2027, 2, 20)),
            ("Retrospective", new DateOnly(2027, 2, 25)));
    }

    [Theory]
    [InlineData("2026-06-01", 6)] // planned two weeks ahead: every step is still to come
    [InlineData("2026-06-20", 5)] // company OKRs were due on the 17th
    [InlineData("2026-09-07", 2)] // signed up with three weeks left: grading and the retrospective
    [InlineData("2026-10-06", 0)] // after the retrospective
    public void A_roadmap_added_late_leaves_out_the_steps_whose_day_has_passed(string today, int expected)
    {
        var period = TestData.Q3(PeriodState.Planning);
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

        period.AddDefaultRoadmap(day);

        period.Checkpoints.Should().HaveCount(expected);
        period.Checkpoints.Where(c => c.Date < day).Should().BeEmpty("no checkpoint is born overdue");
    }

    [Fact]
    public void An_unknown_checkpoint_is_reported()
    {
        var act = () => TestData.Q3().MarkCheckpoint(Guid.CreateVersion7(), true);

        act.ShouldBeRefusedWith("checkpoint.not_found");
    }
}
