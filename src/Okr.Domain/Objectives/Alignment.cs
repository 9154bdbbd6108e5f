using Okr.Domain.Common;
using Okr.Domain.KeyResults;

namespace Okr.Domain.Objectives;

public enum AlignmentKind
{
    /// <summary>Counts in the parent's progress, with a weight.</summary>
    Contributes = 0,
    /// <summary>Shown in the graph, not counted.</summary>
    Supports = 1,
}

/// <summary>
/// A link from a child objective up to a parent objective or a parent key result. Several parents are
/// allowed (multi-directional alignment); cycles are refused.
/// </summary>
public sealed class Alignment : TenantAggregate
{
    public const decimal MaxWeight = 1000;

    private Alignment() { }

    private Alignment(Objective child, Guid parentObjectiveId, Guid? parentKeyResultId, AlignmentKind kind, decimal weight, DateTimeOffset now)
        : base(child.OrganizationId)
    {
        ChildObjectiveId = child.Id;
        ParentObjectiveId = parentObjectiveId;
        ParentKeyResultId = parentKeyResultId;
        Kind = kind;
        Weight = CheckWeight(weight);
        CreatedAt = now;
        Raise(Changed(AlignmentChange.Added));
    }

    public Guid ChildObjectiveId { get; private set; }
    /// <summary>The parent objective; for a link to a key result, that key result's objective.</summary>
    public Guid ParentObjectiveId { get; private set; }
    public Guid? ParentKeyResultId { get; private set; }
    public AlignmentKind Kind { get; private set; }
    public decimal Weight { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <param name="existing">Alignments as (child, parent objective) edges: at least the child's own and every one above the parent.</param>
    public static Alignment Create(Objective child, Objective parent, KeyResult? parentKeyResult, AlignmentKind kind, decimal weight,
        IEnumerable<(Guid Child, Guid Parent)> existing, DateTimeOffset now)
    {
        if (parentKeyResult is not null && parentKeyResult.ObjectiveId != parent.Id)
            throw new DomainRuleException("alignment.key_result_mismatch", "The key result does not belong to the parent objective.");
        if (parentKeyResult is { IsDeleted: true })
            throw new DomainRuleException("key_result.deleted", "The parent key result was deleted.");
        if (!child.IsOpen)
            throw new DomainRuleException("objective.read_only", "Only a draft or active objective can be aligned.");
        if (parent.State == ObjectiveState.Cancelled)
            throw new DomainRuleException("alignment.parent_cancelled", "A cancelled objective cannot be aligned to.");
        if (parent.State == ObjectiveState.Closed)
            throw new DomainRuleException("alignment.parent_closed", "A closed objective's grade is final: nothing more can be aligned to it.");
        var graph = new AlignmentGraph(existing);
        if (graph.Contains(child.Id, parent.Id))
            throw new DomainRuleException("alignment.duplicate", "This objective is already aligned to that parent.");
        if (graph.WouldCreateCycle(child.Id, parent.Id))
            throw new DomainRuleException("alignment.cycle",
                "This alignment would create a cycle: the parent already aligns (directly or through others) to this objective.");
        var alignment = new Alignment(child, parent.Id, parentKeyResult?.Id, kind, weight, now);
        alignment.Raise(new Notifications.ObjectiveAligned(alignment.Id, child.Id, parent.Id, parentKeyResult?.Id));
        return alignment;
    }

    /// <summary>Only an open (draft or active) child's alignments change: a closed one's are part of its history and its parents' grades.</summary>
    public static void EnsureRemovable(Objective child)
    {
        if (!child.IsOpen)
            throw new DomainRuleException("objective.read_only", $"A {child.State.ToString().ToLowerInvariant()} objective's alignments are part of its history and cannot be removed.");
    }

    public void Change(AlignmentKind kind, decimal weight)
    {
        var changed = Kind != kind || Weight != weight;
        Kind = kind;
        Weight = CheckWeight(weight);
        if (changed)
            Raise(Changed(AlignmentChange.Changed));
    }

    /// <summary>The fact of this alignment's change (a removal is raised by the persistence layer, which sees it go).</summary>
    public AlignmentChanged Changed(AlignmentChange change) =>
        new(OrganizationId, Id, ChildObjectiveId, ParentObjectiveId, ParentKeyResultId, change);

    private static decimal CheckWeight(decimal weight) =>
        weight is < 0 or > MaxWeight
            ? throw new DomainRuleException("alignment.weight_out_of_range", $"Weight must be between 0 and {MaxWeight}.")
            : weight;
}
