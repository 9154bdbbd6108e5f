using GraphQL;
namespace Okr.Api.GraphQL.Types;

/// <summary>
/// How many items a list field typically returns: the complexity analyser multiplies the cost of what is selected
/// below a list by these, so a query's complexity estimates the size of its answer.
/// </summary>
internal static class ListSizes
{
    public const double TreeUnits = 20;
    public const double Units = 10;
    /// <summary>Children of one unit: a nested tree multiplies this per level, so it stays small.</summary>
    public const double ChildUnits = 3;
    public const double Objectives = 10;
    public const double KeyResults = 4;
    /// <summary>A person's key results in a period (their own and their units').</summary>
    public const double MyKeyResults = 15;
    public const double Alignments = 3;
    public const double CheckIns = 13;
    public const double Work = 3;
    public const double KpiValues = 26;
    public const double People = 6;
    public const double Periods = 8;
    public const double Checkpoints = 6;
    public const double GraphNodes = 60;
    public const double Findings = 30;
    public const double History = 10;
    public const double Notifications = 20;
    public const double WebhookSubscriptions = 3;
    public const double WebhookDeliveries = 50;
}
