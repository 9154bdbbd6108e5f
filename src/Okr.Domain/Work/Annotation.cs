using Okr.Domain.Common;

namespace Okr.Domain.Work;

public enum AnnotationKind
{
    Change = 0,
    Experiment = 1,
    Incident = 2,
}

/// <summary>
/// A dated note of a change made in the world, shown on the charts of the key results and KPIs it concerns,
/// so cause and effect can be read.
/// </summary>
public sealed class Annotation : TenantAggregate
{
    private readonly List<AnnotationTarget> _targets = [];

    private Annotation() { Text = string.Empty; }

    public Annotation(Guid organizationId, DateOnly date, string text, AnnotationKind kind, Guid authorId,
        IEnumerable<Guid> keyResultIds, IEnumerable<Guid> kpiIds) : base(organizationId)
    {
        Date = date;
        Text = Guard.Text(text, "Text", TextLimits.LongText);
        Kind = kind;
        AuthorId = authorId;
        SetTargets(keyResultIds, kpiIds);
    }

    public DateOnly Date { get; private set; }
    public string Text { get; private set; }
    public AnnotationKind Kind { get; private set; }
    public Guid AuthorId { get; private set; }
    public IReadOnlyList<AnnotationTarget> Targets => _targets;

    public void Edit(DateOnly date, string text, AnnotationKind kind, IEnumerable<Guid> keyResultIds, IEnumerable<Guid> kpiIds)
    {
        Date = date;
        Text = Guard.Text(text, "Text", TextLimits.LongText);
        Kind = kind;
        SetTargets(keyResultIds, kpiIds);
    }

    private void SetTargets(IEnumerable<Guid> keyResultIds, IEnumerable<Guid> kpiIds)
    {
        var targets = keyResultIds.Distinct().Select(id => new AnnotationTarget(OrganizationId, Id, id, null))
            .Concat(kpiIds.Distinct().Select(id => new AnnotationTarget(OrganizationId, Id, null, id)))
            .ToList();
        if (targets.Count == 0)
            throw new DomainRuleException("annotation.no_target", "An annotation concerns at least one key result or KPI.");
        _targets.Clear();
        _targets.AddRange(targets);
    }
}

public sealed class AnnotationTarget : TenantEntity
{
    private AnnotationTarget() { }

    internal AnnotationTarget(Guid organizationId, Guid annotationId, Guid? keyResultId, Guid? kpiId) : base(organizationId)
    {
        AnnotationId = annotationId;
        KeyResultId = keyResultId;
        KpiId = kpiId;
    }

    public Guid AnnotationId { get; private set; }
    public Guid? KeyResultId { get; private set; }
    public Guid? KpiId { get; private set; }
}
