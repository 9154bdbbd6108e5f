using Okr.Domain.Common;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;

namespace Okr.Domain.Computations;

/// <summary>Grades at close: progress rounded to two decimals; success against the organisation's thresholds.</summary>
public static class Grading
{
    // Rounded in decimal: in binary, 0.145 is 0.14499… and would round down.
    public static double Round(double score) =>
        (double)Math.Round((decimal)Math.Clamp(score, 0, 1), 2, MidpointRounding.AwayFromZero);

    /// <summary>An objective's grade: the weighted mean of its items' grades, rounded.</summary>
    public static double GradeObjective(IEnumerable<WeightedScore> items) => Round(WeightedMean.Of(items));

    /// <summary>
    /// The success threshold: financial key results 1.0, otherwise by the objective's type
    /// (aspirational 0.7, committed 0.85 by default).
    /// </summary>
    public static double SuccessThreshold(ObjectiveType type, bool isFinancial, OrganizationSettings settings) =>
        isFinancial ? settings.FinancialSuccessThreshold
        : type == ObjectiveType.Aspirational ? settings.AspirationalSuccessThreshold
        : settings.CommittedSuccessThreshold;

    public static bool IsSuccess(double grade, double threshold) => grade + 1e-9 >= threshold;

    /// <summary>Validates an override: a grade from 0 to 1 needs a reason; null clears the override.</summary>
    public static (double? Grade, string? Reason) Override(double? grade, string? reason)
    {
        if (grade is null)
            return (null, null);
        if (double.IsNaN(grade.Value) || grade < 0 || grade > 1)
            throw new DomainRuleException("grade.out_of_range", "A grade is between 0.0 and 1.0.");
        var why = Guard.Text(reason, "Reason", TextLimits.LongText, required: false);
        if (why.Length == 0)
            throw new DomainRuleException("grade.reason_required", "Overriding a grade needs a reason.");
        return (Round(grade.Value), why);
    }
}

/// <summary>
/// Check-in compliance, the "OKR for OKRs" number: the share of active key results checked in within the
/// current cadence window (the last <c>cadenceDays</c> days). Null when there are no active key results.
/// </summary>
public static class CheckInCompliance
{
    public static double? Compute(IEnumerable<DateTimeOffset?> lastCheckInPerKeyResult, DateTimeOffset now, int cadenceDays)
    {
        int total = 0, compliant = 0;
        foreach (var last in lastCheckInPerKeyResult)
        {
            total++;
            if (IsCheckedIn(last, now, cadenceDays)) compliant++;
        }
        return total == 0 ? null : (double)compliant / total;
    }

    /// <summary>Whether a key result has a check-in within the current cadence window; when not, its check-in is due.</summary>
    public static bool IsCheckedIn(DateTimeOffset? lastCheckInAt, DateTimeOffset now, int cadenceDays) =>
        lastCheckInAt is { } at && at > now - TimeSpan.FromDays(cadenceDays) && at <= now;
}
