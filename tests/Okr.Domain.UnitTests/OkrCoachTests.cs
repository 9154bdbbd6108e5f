using Okr.Domain.Coaching;
using Okr.Domain.Computations;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Units;

namespace Okr.Domain.UnitTests;

public class OkrCoachTests
{
    // A 90-day period; "now" is day 45 unless a test says otherwise (past the first third).
    private static readonly DateTimeOffset Start = TestData.Utc(2026, 7, 1);
    private static readonly DateTimeOffset End = Start.AddDays(90);
    private static readonly CoachUnit Company = new(Guid.CreateVersion7(), "Acme", UnitKind.Company);
    private static readonly CoachUnit Team = new(Guid.CreateVersion7(), "Support", UnitKind.Team);
    private static readonly ForecastResult OnCourse = new(110, 1, false, 0.2);
    private static readonly ForecastResult Missing = new(90, 0.5, true, 0.1);

    private static CoachObjective Objective(CoachUnit? unit = null, string title = "Make support effortless for our customers",
        ObjectiveType type = ObjectiveType.Aspirational, ObjectiveState state = ObjectiveState.Active, bool owned = true,
        int aligned = 1, int initiatives = 0) =>
        new(Guid.CreateVersion7(), (unit ?? Team).Id, title, type, state, owned ? TestData.PersonId : null, aligned, initiatives);

    private static CoachKeyResult KeyResult(CoachObjective objective, string title = "First-contact resolution rises from 60% to 75%",
        Measure? measure = null, bool owned = true, string? baselineMethod = "Helpdesk report, last quarter",
        OkrStatus status = OkrStatus.OnTrack, ForecastResult? forecast = null)
    {
        measure ??= TestData.Increase(60, 75);
        return new(Guid.CreateVersion7(), objective.Id, title, owned ? TestData.PersonId : null, measure, baselineMethod, status, forecast);
    }

    private static IReadOnlyList<CoachFinding> Review(IEnumerable<CoachObjective> objectives, IEnumerable<CoachKeyResult> keyResults,
        double nowDay = 45, int focusAreas = 3) =>
        OkrCoach.Review(new CoachInput(TestData.OrgId, Start.AddDays(nowDay), Start, End, [Company, Team], [.. objectives], [.. keyResults], focusAreas));

    private static IReadOnlyList<CoachFinding> Review(CoachObjective objective, params CoachKeyResult[] keyResults) => Review([objective], keyResults);

    private static IEnumerable<string> Rules(IEnumerable<CoachFinding> findings) => findings.Select(f => f.RuleId);

    [Fact]
    public void Well_formed_okrs_get_no_findings()
    {
        var objective = Objective();

        Review(objective, KeyResult(objective)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void More_than_five_focus_areas_is_flagged_on_the_organisation(int focusAreas, bool flagged)
    {
        var objective = Objective();

        var findings = Review([objective], [KeyResult(objective)], focusAreas: focusAreas);

        findings.Any(f => f.RuleId == "organization.too_many_focus_areas" && f.Subject == FindingSubject.Organization && f.SubjectId == TestData.OrgId)
            .Should().Be(flagged);
    }

    [Theory]
    [InlineData(5, 0, false)]
    [InlineData(6, 0, true)]
    [InlineData(5, 2, false)]
    public void More_than_five_open_objectives_in_a_unit_is_flagged(int open, int closedOrCancelled, bool flagged)
    {
        var objectives = Enumerable.Range(0, open).Select(_ => Objective())
            .Concat(Enumerable.Range(0, closedOrCancelled).Select(i => Objective(state: i % 2 == 0 ? ObjectiveState.Closed : ObjectiveState.Cancelled)))
            .ToList();

        var findings = Review(objectives, objectives.Select(o => KeyResult(o)));

        findings.Any(f => f.RuleId == "unit.too_many_objectives" && f.Subject == FindingSubject.Unit && f.SubjectId == Team.Id)
            .Should().Be(flagged);
    }

    [Theory]
    [InlineData(0, "objective.no_key_results")]
    [InlineData(1, null)]
    [InlineData(6, null)]
    [InlineData(7, "objective.too_many_key_results")]
    public void An_objective_needs_between_one_and_six_key_results(int count, string? rule)
    {
        var objective = Objective();

        var findings = Review(objective, [.. Enumerable.Range(0, count).Select(_ => KeyResult(objective))]);

        Rules(findings).Should().BeEquivalentTo(rule is null ? [] : new[] { rule });
    }

    [Fact]
    public void An_objective_without_key_results_blocks_activation()
    {
        var objective = Objective();

        Review(objective).Should().ContainSingle(f => f.RuleId == "objective.no_key_results")
            .Which.Should().Match<CoachFinding>(f => f.Severity == FindingSeverity.Error && f.SubjectId == objective.Id && f.Subject == FindingSubject.Objective);
    }

    [Theory]
    [InlineData("Grow revenue 20%", true)]
    [InlineData("Win the Q3 launch", true)]
    [InlineData("Delight our customers", false)]
    public void An_objective_title_with_numbers_is_flagged(string title, bool flagged)
    {
        var objective = Objective(title: title);

        Rules(Review(objective, KeyResult(objective))).Contains("objective.title_has_numbers").Should().Be(flagged);
    }

    [Theory]
    [InlineData("Improve onboarding", true)]
    [InlineData("Increase customer satisfaction", true)]
    [InlineData("Work on retention", true)]
    [InlineData("Onboarding", true)]
    [InlineData("Improve onboarding so new customers succeed in week one", false)]
    [InlineData("New customers succeed on their own in their first week", false)]
    [InlineData("Delight our customers", false)]
    public void A_vague_objective_title_is_flagged(string title, bool flagged)
    {
        var objective = Objective(title: title);

        var finding = Review(objective, KeyResult(objective)).SingleOrDefault(f => f.RuleId == "objective.vague_title");

        (finding is not null).Should().Be(flagged);
        if (flagged) finding!.Message.Should().StartWith($"“{title}” names an area to work on");
    }

    [Fact]
    public void A_baseline_typed_without_its_method_is_asked_for_the_method_not_the_baseline()
    {
        var objective = Objective();

        var withBaseline = Review(objective, KeyResult(objective, baselineMethod: null)).Single(f => f.RuleId == "key_result.no_baseline_method");
        var without = Review(objective, KeyResult(objective, measure: TestData.Increase(null, 75), baselineMethod: null))
            .Single(f => f.RuleId == "key_result.no_baseline_method");

        withBaseline.Message.Should().StartWith("Say how the baseline was measured");
        without.Message.Should().StartWith("Record the baseline");
    }

    [Fact]
    public void A_key_result_at_its_target_is_finished_work_the_coach_leaves_alone()
    {
        var objective = Objective();
        CoachKeyResult Done(string title) => KeyResult(objective, title: title, baselineMethod: null, status: OkrStatus.OnTrack) with { Progress = 1 };

        Review(objective, Done("Launch the self-service portal")).Should().BeEmpty();
        Review(objective, KeyResult(objective, title: "Launch the self-service portal", baselineMethod: null) with { Progress = 0.99 })
            .Select(f => f.RuleId).Should().BeEquivalentTo("key_result.activity_phrasing", "key_result.no_baseline_method");
    }

    public static TheoryData<Measure, bool> Measurability => new()
    {
        { TestData.Increase(60, null), false },
        { TestData.Increase(60, 60), false },
        { TestData.Increase(null, 0), false },
        { TestData.Increase(60, 75), true },
        { new Measure(MetricKind.Number, Direction.StayAtLeast, 95, 95), true },
        { Measure.Milestone(), true },
    };

    [Theory]
    [MemberData(nameof(Measurability))]
    public void A_key_result_without_a_target_or_with_target_equal_to_baseline_is_not_measurable(Measure measure, bool measurable)
    {
        var objective = Objective();
        var keyResult = KeyResult(objective, measure: measure);

        Review(objective, keyResult).Any(f => f.RuleId == "key_result.not_measurable" && f.SubjectId == keyResult.Id && f.Severity == FindingSeverity.Error)
            .Should().Be(!measurable);
    }

    [Theory]
    [InlineData(60.0, "Helpdesk report", false)]
    [InlineData(null, "Helpdesk report", true)]
    [InlineData(60.0, null, true)]
    [InlineData(60.0, "  ", true)]
    public void A_key_result_needs_a_baseline_and_how_it_was_measured(double? baseline, string? method, bool flagged)
    {
        var objective = Objective();
        var keyResult = KeyResult(objective, measure: TestData.Increase((decimal?)baseline, 75), baselineMethod: method);

        Rules(Review(objective, keyResult)).Contains("key_result.no_baseline_method").Should().Be(flagged);
    }

    [Fact]
    public void A_milestone_needs_no_baseline_method()
    {
        var objective = Objective();

        Rules(Review(objective, KeyResult(objective, measure: Measure.Milestone(), baselineMethod: null))).Should().NotContain("key_result.no_baseline_method");
    }

    [Theory]
    [InlineData("Launch the new onboarding flow", true)]
    [InlineData("ship v2 of the mobile app", true)]
    [InlineData("Roll out SSO to every customer", true)]
    [InlineData("Kick off the partner program", true)]
    [InlineData("  Implement: feature flags", true)]
    [InlineData("Roll back rate stays under 2%", false)]
    [InlineData("Increase NPS from 30 to 45", false)]
    [InlineData("Time to build falls below 5 minutes", false)]
    public void A_key_result_phrased_as_an_activity_is_flagged(string title, bool flagged)
    {
        OkrCoach.StartsWithActivityVerb(title).Should().Be(flagged);
    }

    [Fact]
    public void The_coach_reports_activity_phrasing_on_the_key_result()
    {
        var objective = Objective();
        var keyResult = KeyResult(objective, title: "Build a self-service portal");

        Review(objective, keyResult).Should().ContainSingle()
            .Which.Should().Match<CoachFinding>(f => f.RuleId == "key_result.activity_phrasing" && f.Subject == FindingSubject.KeyResult && f.SubjectId == keyResult.Id);
    }

    [Theory]
    [InlineData(2, 3, true)]
    [InlineData(2, 2, false)]
    [InlineData(0, 1, false)]
    public void More_initiatives_than_key_results_is_flagged(int keyResults, int initiatives, bool flagged)
    {
        var objective = Objective(initiatives: initiatives);

        var findings = Review(objective, [.. Enumerable.Range(0, keyResults).Select(_ => KeyResult(objective))]);

        Rules(findings).Contains("objective.more_initiatives_than_key_results").Should().Be(flagged);
    }

    [Theory]
    [InlineData(OkrStatus.Stale, true)]
    [InlineData(OkrStatus.AtRisk, false)]
    public void A_stale_key_result_is_flagged(OkrStatus status, bool flagged)
    {
        var objective = Objective();

        Rules(Review(objective, KeyResult(objective, status: status))).Contains("key_result.stale").Should().Be(flagged);
    }

    [Fact]
    public void Objectives_and_key_results_without_an_owner_are_flagged()
    {
        var objective = Objective(owned: false);
        var keyResult = KeyResult(objective, owned: false);

        Review(objective, keyResult).Select(f => (f.RuleId, f.SubjectId)).Should().BeEquivalentTo(new[]
        {
            ("objective.no_owner", objective.Id),
            ("key_result.no_owner", keyResult.Id),
        });
    }

    [Theory]
    [InlineData(false, 0, true)]
    [InlineData(false, 1, false)]
    [InlineData(true, 0, false)]
    public void A_non_company_objective_that_aligns_to_nothing_is_flagged(bool companyUnit, int alignedParents, bool flagged)
    {
        var objective = Objective(unit: companyUnit ? Company : Team, aligned: alignedParents);

        Rules(Review(objective, KeyResult(objective))).Contains("objective.not_aligned").Should().Be(flagged);
    }

    [Fact]
    public void An_objective_of_an_unknown_unit_that_aligns_to_nothing_is_flagged()
    {
        var objective = Objective(unit: new CoachUnit(Guid.CreateVersion7(), "Elsewhere", UnitKind.Company), aligned: 0);

        Rules(Review(objective, KeyResult(objective))).Should().Contain("objective.not_aligned");
    }

    [Theory]
    [InlineData(ObjectiveType.Committed, 20, true, true)]
    [InlineData(ObjectiveType.Committed, 30, true, true)]
    [InlineData(ObjectiveType.Committed, 31, true, false)]
    [InlineData(ObjectiveType.Aspirational, 20, true, false)]
    [InlineData(ObjectiveType.Committed, 20, false, false)]
    public void Committed_key_results_all_forecast_on_target_in_the_first_third_is_business_as_usual(
        ObjectiveType type, double nowDay, bool secondOnCourse, bool flagged)
    {
        var objective = Objective(type: type);
        CoachKeyResult[] keyResults =
        [
            KeyResult(objective, forecast: OnCourse),
            KeyResult(objective, forecast: secondOnCourse ? OnCourse : Missing),
        ];

        Rules(Review([objective], keyResults, nowDay: nowDay)).Contains("objective.business_as_usual").Should().Be(flagged);
    }

    [Fact]
    public void A_key_result_without_a_forecast_is_not_business_as_usual()
    {
        var objective = Objective(type: ObjectiveType.Committed);

        Rules(Review([objective], [KeyResult(objective, forecast: OnCourse), KeyResult(objective, forecast: null)], nowDay: 20))
            .Should().NotContain("objective.business_as_usual");
    }

    [Theory]
    [InlineData(ObjectiveState.Closed)]
    [InlineData(ObjectiveState.Cancelled)]
    public void Closed_and_cancelled_objectives_are_not_reviewed(ObjectiveState state)
    {
        var objective = Objective(title: "Ship 3 things", state: state, owned: false, aligned: 0);

        Review(objective, KeyResult(objective, title: "Launch it", owned: false, measure: TestData.Increase(1, null))).Should().BeEmpty();
    }

    [Fact]
    public void A_draft_objective_is_reviewed()
    {
        var objective = Objective(state: ObjectiveState.Draft);

        Rules(Review(objective)).Should().Equal("objective.no_key_results");
    }
}
