using System.Globalization;
using System.Text;
using Okr.Application.OkrGraph.Queries.GetDashboard;
using Okr.Application.Reviews.Queries.BusinessReviews;
using Okr.Domain.Computations;
using Okr.Domain.Reviews;

namespace Okr.Application.Reviews;

/// <summary>A business review as Markdown: the same sections as its page in the SPA, for a wiki, a deck or an email.</summary>
public static class BusinessReviewMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string FileName(BusinessReviewView review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var name = new string(review.Document.UnitName.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        return $"business-review-{(name.Length == 0 ? "unit" : name)}-{review.AsOf.UtcDateTime:yyyy-MM-dd-HHmm}.md";
    }

    public static string Render(BusinessReviewView review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var d = review.Document;
        var md = new StringBuilder();
        md.Append(Invariant, $"# Business review: {Text(d.UnitName)}, {Text(d.PeriodName)}\n\n");
        md.Append(Invariant, $"As of {Instant(d.AsOf)} · {Trigger(review.Trigger)}{(d.RequestedByName is { } by ? $" by {Text(by)}" : "")}");
        md.Append(d.PreviousAsOf is { } previous ? $" · compared with the review of {Instant(previous)}\n\n" : " · the first review of this unit and period\n\n");

        md.Append("## Summary\n\n| | |\n|---|---|\n");
        md.Append(Invariant, $"| Progress | {Percent(d.Progress)}{Delta(d.ProgressDelta)} |\n");
        md.Append(Invariant, $"| Expected by now | {Percent(d.ExpectedProgress)} |\n");
        md.Append(Invariant, $"| Objectives | {d.ObjectiveCount}{(d.HiddenObjectiveCount > 0 ? $" ({d.HiddenObjectiveCount} restricted, not listed)" : "")} |\n");
        md.Append(Invariant, $"| Key results | {d.KeyResultCount} |\n");
        md.Append(Invariant, $"| Check-in compliance | {(d.CheckInCompliance is { } compliance ? Percent(compliance) + Delta(d.CheckInComplianceDelta) : "no active key results")} |\n\n");
        md.Append(Invariant, $"Key results by status: {Counts(d.KeyResultsByStatus)}.\n\n");
        md.Append(Invariant, $"Objectives by status: {Counts(d.ObjectivesByStatus)}.\n\n");

        md.Append("## Objectives and key results\n\n");
        if (d.Objectives.Count == 0)
            md.Append("No active objectives.\n\n");
        foreach (var objective in d.Objectives)
        {
            md.Append(Invariant, $"### {Text(objective.Title)}\n\n");
            md.Append(Invariant, $"{Text(objective.UnitName)}{(objective.OwnerName is { } owner ? $" · {Text(owner)}" : "")} · {Status(objective.Status)} · ");
            md.Append(Invariant, $"{Percent(objective.Progress)} of {Percent(objective.ExpectedProgress)} expected{Change(objective.IsNew, objective.Change)}\n\n");
            if (objective.KeyResults.Count == 0) continue;
            md.Append("| Key result | Owner | Value | Progress | Status | Since last review |\n|---|---|---|---|---|---|\n");
            foreach (var k in objective.KeyResults)
                md.Append(Invariant, $"| {Text(k.Title)} | {Text(k.OwnerName ?? "")} | {Value(k.CurrentValue, k.Target, k.UnitLabel)} | {Percent(k.Progress)} | {Status(k.Status)} | {Since(k.IsNew, k.Change)} |\n");
            md.Append('\n');
        }

        Flagged(md, "Off track", d.OffTrack);
        Flagged(md, "At risk", d.AtRisk);
        Flagged(md, "Stale (no recent check-in)", d.Stale);

        md.Append("## Help and decisions requested\n\n");
        if (d.HelpRequested.Count == 0)
            md.Append("No owner named a blocker in their latest check-in.\n\n");
        foreach (var help in d.HelpRequested)
            md.Append(Invariant, $"- **{Text(help.KeyResultTitle)}** ({Text(help.OwnerName ?? "no owner")}, {help.CheckInDate:yyyy-MM-dd}): {Text(help.Blockers)}{(help.NextSteps is { } next ? $" Next steps: {Text(next)}" : "")}\n");
        if (d.HelpRequested.Count > 0) md.Append('\n');

        md.Append("## Blocked initiatives\n\n");
        if (d.BlockedInitiatives.Count == 0)
            md.Append("None.\n\n");
        foreach (var i in d.BlockedInitiatives)
            md.Append(Invariant, $"- {Text(i.Title)}{(i.OwnerName is { } owner ? $" ({Text(owner)})" : "")}{(i.DueDate is { } due ? $", due {due:yyyy-MM-dd}" : "")}{(i.ExternalKey is { } key ? $", {Text(i.ExternalSystem ?? "")} {Text(key)}" : "")}{(i.ExternalUrl is { } url ? $" <{url}>" : "")}\n");
        if (d.BlockedInitiatives.Count > 0) md.Append('\n');

        md.Append("## Checkpoints\n\n");
        if (d.UpcomingCheckpoints.Count == 0 && d.OverdueCheckpoints.Count == 0)
            md.Append("None ahead.\n\n");
        foreach (var c in d.OverdueCheckpoints)
            md.Append(Invariant, $"- {c.Date:yyyy-MM-dd} {Text(c.Name)}: overdue\n");
        foreach (var c in d.UpcomingCheckpoints)
            md.Append(Invariant, $"- {c.Date:yyyy-MM-dd} {Text(c.Name)}{(c.Done ? ": done" : "")}\n");
        return md.ToString().TrimEnd() + "\n";
    }

    private static void Flagged(StringBuilder md, string title, IReadOnlyList<ReviewFlaggedKeyResult> items)
    {
        md.Append(Invariant, $"## {title}\n\n");
        if (items.Count == 0)
        {
            md.Append("None.\n\n");
            return;
        }
        foreach (var f in items)
        {
            md.Append(Invariant, $"- **{Text(f.Title)}** ({Text(f.ObjectiveTitle ?? "")}; {Text(f.OwnerName ?? "no owner")}): {Percent(f.Progress)} of {Percent(f.ExpectedProgress)} expected");
            md.Append(f.LatestCheckInDate is { } date ? string.Create(Invariant, $", last check-in {date:yyyy-MM-dd}\n") : ", never checked in\n");
            if (f.LatestNarrative is { } narrative) md.Append(Invariant, $"  - Narrative: {Text(narrative)}\n");
            if (f.LatestBlockers is { } blockers) md.Append(Invariant, $"  - Blockers: {Text(blockers)}\n");
        }
        md.Append('\n');
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    private static string Trigger(ReviewTrigger trigger) => trigger switch
    {
        ReviewTrigger.Weekly => "weekly review",
        ReviewTrigger.QuarterEnd => "end of quarter review",
        _ => "published on demand",
    };

    private static string Percent(double share) => Math.Round(share * 100).ToString("0", Invariant) + "%";

    private static string Delta(double? delta) => delta is { } d ? $" ({Points(d)} since the last review)" : "";

    private static string Points(double delta)
    {
        var points = Math.Round(delta * 100);
        return (points > 0 ? "+" : points < 0 ? "−" : "±") + Math.Abs(points).ToString("0", Invariant) + " pts";
    }

    private static string Change(bool isNew, ReviewChange? change) =>
        isNew ? " · new since the last review" : change is { } c ? $" · {Points(c.ProgressDelta)}{(c.PreviousStatus is { } was ? $", was {Status(was)}" : "")}" : "";

    private static string Since(bool isNew, ReviewChange? change) =>
        isNew ? "new" : change is { } c ? Points(c.ProgressDelta) + (c.PreviousStatus is { } was ? $", was {Status(was)}" : "") : "";

    private static string Value(decimal? current, decimal? target, string? unitLabel) =>
        $"{(current is { } v ? v.ToString("0.##", Invariant) : "–")} / {(target is { } t ? t.ToString("0.##", Invariant) : "–")}{(unitLabel is { Length: > 0 } u ? " " + Text(u) : "")}";

    private static string Status(OkrStatus? status) => status switch
    {
        OkrStatus.NotStarted => "not started",
        OkrStatus.OnTrack => "on track",
        OkrStatus.AtRisk => "at risk",
        OkrStatus.OffTrack => "off track",
        OkrStatus.Stale => "stale",
        OkrStatus.Achieved => "achieved",
        OkrStatus.Missed => "missed",
        _ => "cancelled",
    };

    private static string Counts(StatusCountsView c) =>
        $"{c.OnTrack} on track, {c.AtRisk} at risk, {c.OffTrack} off track, {c.Stale} stale, {c.NotStarted} not started, {c.Achieved} achieved, {c.Missed} missed";

    /// <summary>Text from people, on one line, with Markdown's own characters taken literally.</summary>
    private static string Text(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        var escaped = new StringBuilder(line.Length);
        foreach (var ch in line)
        {
            if ("\\`*_[]<>#|".Contains(ch, StringComparison.Ordinal)) escaped.Append('\\');
            escaped.Append(ch);
        }
        return escaped.ToString();
    }

}
