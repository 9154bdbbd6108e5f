using System.Text.RegularExpressions;
using Okr.Domain.Computations;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Units;

namespace Okr.Domain.Coaching;

public enum FindingSeverity
{
    Info = 0,
    Warning = 1,
    /// <summary>Blocks activation.</summary>
    Error = 2,
}

public enum FindingSubject
{
    Organization = 0,
    Unit = 1,
    Objective = 2,
    KeyResult = 3,
}

public sealed record CoachFinding(string RuleId, FindingSeverity Severity, string Message, FindingSubject Subject, Guid SubjectId);

public sealed record CoachUnit(Guid Id, string Name, UnitKind Kind);

public sealed record CoachObjective(
    Guid Id, Guid UnitId, string Title, ObjectiveType Type, ObjectiveState State, Guid? OwnerId,
    int AlignedParentCount, int InitiativeCount);

/// <param name="Progress">Progress now (0–1, 1 at the target): a key result at its target is finished work the coach leaves alone.</param>
public sealed record CoachKeyResult(
    Guid Id, Guid ObjectiveId, string Title, Guid? OwnerId, Measure Measure,
    string? BaselineMethod, OkrStatus Status, ForecastResult? Forecast, double Progress = 0);

/// <summary>A snapshot of one period's OKRs, as the coach reads them.</summary>
public sealed record CoachInput(
    Guid OrganizationId,
    DateTimeOffset Now,
    DateTimeOffset PeriodStartsAt,
    DateTimeOffset PeriodEndsAt,
    IReadOnlyList<CoachUnit> Units,
    IReadOnlyList<CoachObjective> Objectives,
    IReadOnlyList<CoachKeyResult> KeyResults,
    int FocusAreaCount);

/// <summary>
/// Quality findings on OKRs, from the practice: reduce and amplify, outcomes not outputs, measurable key
/// results with a baseline, owners, cascade accountability, ambition. Each rule has a stable id.
/// </summary>
public static partial class OkrCoach
{
    public const int MaxObjectivesPerUnit = 5;
    public const int MaxKeyResultsPerObjective = 6;
    public const int MaxFocusAreas = 5;

    /// <summary>Output verbs: a key result phrased as one of these is work, which belongs in an initiative.</summary>
    public static readonly IReadOnlySet<string> ActivityVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "launch", "build", "implement", "ship", "release", "create", "develop", "deliver", "complete", "finish",
        "write", "design", "deploy", "publish", "migrate", "introduce", "instrument", "hold", "organise", "organize",
        "start", "roll out", "set up", "kick off",
    };

    /// <summary>
    /// Verbs of direction without a destination: "Improve onboarding" names an area to work on, not what will be true.
    /// With a few words more it usually says the outcome ("Improve onboarding so new customers succeed in week one").
    /// </summary>
    public static readonly IReadOnlySet<string> VagueVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "improve", "increase", "enhance", "optimise", "optimize", "better", "boost", "grow", "support", "maintain",
        "continue", "streamline", "strengthen", "work on", "focus on",
    };

    /// <summary>A title this short, or a vague verb with this few words after it, says too little to align to.</summary>
    public const int VagueTitleWords = 4;

    public static IReadOnlyList<CoachFinding> Review(CoachInput input)
    {
        var findings = new List<CoachFinding>();
        var open = input.Objectives.Where(o => o.State is ObjectiveState.Draft or ObjectiveState.Active).ToList();
        var keyResultsByObjective = input.KeyResults.ToLookup(k => k.ObjectiveId);
        var units = input.Units.ToDictionary(u => u.Id);

        if (input.FocusAreaCount > MaxFocusAreas)
            findings.Add(new("organization.too_many_focus_areas", FindingSeverity.Warning,
                $"{input.FocusAreaCount} focus areas: keep to a handful ({MaxFocusAreas} at most) so they stay strategic.",
                FindingSubject.Organization, input.OrganizationId));

        foreach (var unitGroup in open.GroupBy(o => o.UnitId).Where(g => g.Count() > MaxObjectivesPerUnit))
        {
            var name = units.TryGetValue(unitGroup.Key, out var u) ? u.Name : "This unit";
            findings.Add(new("unit.too_many_objectives", FindingSeverity.Warning,
                $"{name} has {unitGroup.Count()} objectives this period: reduce and amplify — {MaxObjectivesPerUnit} at most, ideally 3.",
                FindingSubject.Unit, unitGroup.Key));
        }

        var expected = ExpectedProgress.Compute(input.Now, input.PeriodStartsAt, input.PeriodEndsAt);
        var inFirstThird = input.Now >= input.PeriodStartsAt && expected <= 1.0 / 3;

        foreach (var objective in open)
        {
            var keyResults = keyResultsByObjective[objective.Id].ToList();
            ReviewObjective(objective, keyResults, units, inFirstThird, findings);
            foreach (var keyResult in keyResults)
                ReviewKeyResult(keyResult, findings);
        }
        return findings;
    }

    private static void ReviewObjective(CoachObjective o, List<CoachKeyResult> keyResults, Dictionary<Guid, CoachUnit> units,
        bool inFirstThird, List<CoachFinding> findings)
    {
        void Add(string rule, FindingSeverity severity, string message) =>
            findings.Add(new(rule, severity, message, FindingSubject.Objective, o.Id));

        if (keyResults.Count == 0)
            Add("objective.no_key_results", FindingSeverity.Error, "Add key results: they say how success is measured, and activation needs at least one measurable key result.");
        else if (keyResults.Count > MaxKeyResultsPerObjective)
            Add("objective.too_many_key_results", FindingSeverity.Warning, $"{keyResults.Count} key results: keep to {MaxKeyResultsPerObjective} at most, so focus stays on what matters.");

        if (IsVague(o.Title))
            Add("objective.vague_title", FindingSeverity.Warning,
                $"“{o.Title.Trim()}” names an area to work on, not what will be true: say the outcome, e.g. “New customers succeed on their own in their first week”.");

        if (DigitPattern().IsMatch(o.Title))
            Add("objective.title_has_numbers", FindingSeverity.Warning, "The title carries numbers: an objective is the qualitative why; put the numbers in key results.");

        if (o.OwnerId is null)
            Add("objective.no_owner", FindingSeverity.Warning, "Name an owner (the directly responsible individual).");

        if (o.AlignedParentCount == 0 && (!units.TryGetValue(o.UnitId, out var unit) || unit.Kind != UnitKind.Company))
            Add("objective.not_aligned", FindingSeverity.Warning, "This objective aligns to nothing: link it to the company objective or key result it moves.");

        if (o.InitiativeCount > keyResults.Count && keyResults.Count > 0)
            Add("objective.more_initiatives_than_key_results", FindingSeverity.Info,
                $"{o.InitiativeCount} initiatives for {keyResults.Count} key results: is this a to-do list? Measure outcomes, and link the work to them.");

        if (o.Type == ObjectiveType.Committed && inFirstThird && keyResults.Count > 0
            && keyResults.All(k => k.Forecast is { TrendingToMiss: false }))
            Add("objective.business_as_usual", FindingSeverity.Info,
                "Every key result already forecasts at or above target in the first third of the period: this looks like business as usual, not ambition.");
    }

    private static void ReviewKeyResult(CoachKeyResult k, List<CoachFinding> findings)
    {
        void Add(string rule, FindingSeverity severity, string message) =>
            findings.Add(new(rule, severity, message, FindingSubject.KeyResult, k.Id));

        // Finished work: a key result at its target (or achieved) has nothing left to fix.
        if (k.Progress >= 1 || k.Status == OkrStatus.Achieved)
            return;

        if (!k.Measure.IsMeasurable)
            Add("key_result.not_measurable", FindingSeverity.Error, k.Measure.Target is null
                ? "Set a target: without one, progress cannot be measured."
                : "The target equals the baseline: there is no movement to measure.");

        if (k.Measure.Kind != MetricKind.Milestone && (k.Measure.Baseline is null || string.IsNullOrWhiteSpace(k.BaselineMethod)))
            Add("key_result.no_baseline_method", FindingSeverity.Warning, k.Measure.Baseline is null
                ? "Record the baseline and how it was measured: no baseline, no proof of movement."
                : "Say how the baseline was measured (the report, query or tool): a number nobody can measure again proves no movement.");

        if (StartsWithActivityVerb(k.Title))
            Add("key_result.activity_phrasing", FindingSeverity.Warning,
                "This reads as an activity (an output). Say what outcome it should change, and track the work as an initiative.");

        if (k.Status == OkrStatus.Stale)
            Add("key_result.stale", FindingSeverity.Warning, "No recent check-in: set and forget is how OKRs die. Check in weekly.");

        if (k.OwnerId is null)
            Add("key_result.no_owner", FindingSeverity.Warning, "Name an owner who checks in on this key result.");
    }

    public static bool StartsWithActivityVerb(string title)
    {
        var words = WordPattern().Matches(title).Select(m => m.Value).Take(2).ToList();
        if (words.Count == 0) return false;
        return ActivityVerbs.Contains(words[0]) || (words.Count > 1 && ActivityVerbs.Contains(words[0] + " " + words[1]));
    }

    /// <summary>Two words or fewer, or a vague verb with at most <see cref="VagueTitleWords"/> words in all.</summary>
    public static bool IsVague(string title)
    {
        var words = WordPattern().Matches(title).Select(m => m.Value).ToList();
        if (words.Count == 0) return false;
        if (words.Count <= 2) return true;
        var vague = VagueVerbs.Contains(words[0]) || VagueVerbs.Contains(words[0] + " " + words[1]);
        return vague && words.Count <= VagueTitleWords;
    }

    [GeneratedRegex(@"\d")]
    private static partial Regex DigitPattern();

    [GeneratedRegex(@"[\p{L}]+")]
    private static partial Regex WordPattern();
}
