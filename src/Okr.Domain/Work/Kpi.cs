using Okr.Domain.Common;

namespace Okr.Domain.Work;

public enum KpiDirection
{
    HigherIsBetter = 0,
    LowerIsBetter = 1,
}

public sealed record KpiDetails(
    string Name,
    Guid OwningUnitId,
    KpiDirection Direction,
    string? Unit = null,
    string? Description = null,
    decimal? HealthyMin = null,
    decimal? HealthyMax = null);

/// <summary>
/// A health metric a team watches continuously. Several KPIs can drive one key result — and a team can meet
/// its KPIs and still miss the key result, which is why they are shown side by side.
/// </summary>
public sealed class Kpi : TenantAggregate
{
    private readonly List<KpiValue> _values = [];
    private readonly List<KpiKeyResult> _keyResultLinks = [];

    private Kpi() { Name = string.Empty; }

    public Kpi(Guid organizationId, KpiDetails details) : base(organizationId)
    {
        Name = string.Empty;
        Apply(details);
    }

    public string Name { get; private set; }
    public string? Description { get; private set; }
    public string? Unit { get; private set; }
    public Guid OwningUnitId { get; private set; }
    public KpiDirection Direction { get; private set; }
    public decimal? HealthyMin { get; private set; }
    public decimal? HealthyMax { get; private set; }
    public IReadOnlyList<KpiValue> Values => _values;
    public IReadOnlyList<KpiKeyResult> KeyResultLinks => _keyResultLinks;

    public void Edit(KpiDetails details) => Apply(details);

    private void Apply(KpiDetails d)
    {
        Guard.NotEmpty(d.OwningUnitId, "Owning unit");
        if (d.HealthyMin is { } min && d.HealthyMax is { } max && min > max)
            throw new DomainRuleException("kpi.band_inverted", "The healthy band's minimum must not exceed its maximum.");
        Name = Guard.Text(d.Name, "Name", TextLimits.Name);
        Description = Guard.OptionalText(d.Description, "Description", TextLimits.LongText);
        Unit = Guard.OptionalText(d.Unit, "Unit", TextLimits.Code);
        OwningUnitId = d.OwningUnitId;
        Direction = d.Direction;
        HealthyMin = d.HealthyMin;
        HealthyMax = d.HealthyMax;
    }

    /// <summary>Inside the healthy band (an open side counts as unbounded).</summary>
    public bool IsHealthy(decimal value) => (HealthyMin is not { } min || value >= min) && (HealthyMax is not { } max || value <= max);

    public KpiValue RecordValue(DateOnly date, decimal value, string? source, DateTimeOffset now)
    {
        var kpiValue = new KpiValue(OrganizationId, Id, date, value, Guard.OptionalText(source, "Source", TextLimits.Name), now);
        _values.Add(kpiValue);
        return kpiValue;
    }

    public void LinkKeyResult(Guid keyResultId)
    {
        Guard.NotEmpty(keyResultId, "Key result");
        if (_keyResultLinks.Any(l => l.KeyResultId == keyResultId))
            throw new DomainRuleException("kpi.already_linked", "The KPI is already linked to this key result.");
        _keyResultLinks.Add(new KpiKeyResult(OrganizationId, Id, keyResultId));
    }

    public void UnlinkKeyResult(Guid keyResultId)
    {
        var link = _keyResultLinks.FirstOrDefault(l => l.KeyResultId == keyResultId)
            ?? throw new DomainRuleException("kpi.not_linked", "The KPI is not linked to this key result.");
        _keyResultLinks.Remove(link);
    }
}

public sealed class KpiValue : TenantEntity
{
    private KpiValue() { }

    internal KpiValue(Guid organizationId, Guid kpiId, DateOnly date, decimal value, string? source, DateTimeOffset recordedAt) : base(organizationId)
    {
        if (Math.Abs(value) > KeyResults.Measure.MaxMagnitude)
            throw new DomainRuleException("kpi.value_out_of_range", "Value is too large.");
        KpiId = kpiId;
        Date = date;
        Value = value;
        Source = source;
        RecordedAt = recordedAt;
    }

    public Guid KpiId { get; private set; }
    public DateOnly Date { get; private set; }
    public decimal Value { get; private set; }
    public string? Source { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

public sealed class KpiKeyResult : TenantEntity
{
    private KpiKeyResult() { }

    internal KpiKeyResult(Guid organizationId, Guid kpiId, Guid keyResultId) : base(organizationId)
    {
        KpiId = kpiId;
        KeyResultId = keyResultId;
    }

    public Guid KpiId { get; private set; }
    public Guid KeyResultId { get; private set; }
}
