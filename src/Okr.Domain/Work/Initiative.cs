using Okr.Domain.Common;

namespace Okr.Domain.Work;

public enum InitiativeStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
    Blocked = 3,
    Cancelled = 4,
}

/// <summary>Where the work lives elsewhere: a Jira issue, a GitHub project, …</summary>
public sealed record ExternalReference(string System, string Key, string? Url)
{
    public static ExternalReference? Create(string? system, string? key, string? url)
    {
        if (string.IsNullOrWhiteSpace(system) && string.IsNullOrWhiteSpace(key) && string.IsNullOrWhiteSpace(url))
            return null;
        var link = Guard.OptionalText(url, "External URL", TextLimits.Url);
        if (link is not null && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            throw new DomainRuleException("validation.url", "The external URL must be an absolute http(s) address.");
        return new ExternalReference(Guard.Text(system, "External system", TextLimits.Code), Guard.Text(key, "External key", TextLimits.Name), link);
    }
}

public sealed record InitiativeDetails(
    string Title,
    string? Description = null,
    Guid? OwnerId = null,
    Guid? UnitId = null,
    DateOnly? StartDate = null,
    DateOnly? DueDate = null,
    ExternalReference? External = null);

/// <summary>The work that should move key results: projects, sprints, deliverables.</summary>
public sealed class Initiative : TenantAggregate
{
    private readonly List<InitiativeKeyResult> _keyResultLinks = [];

    private Initiative() { Title = string.Empty; }

    public Initiative(Guid organizationId, InitiativeDetails details) : base(organizationId)
    {
        Title = string.Empty;
        Apply(details);
        Status = InitiativeStatus.Planned;
    }

    public string Title { get; private set; }
    public string? Description { get; private set; }
    public InitiativeStatus Status { get; private set; }
    public Guid? OwnerId { get; private set; }
    public Guid? UnitId { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public ExternalReference? External { get; private set; }
    public IReadOnlyList<InitiativeKeyResult> KeyResultLinks => _keyResultLinks;

    public void Edit(InitiativeDetails details) => Apply(details);

    private void Apply(InitiativeDetails d)
    {
        if (d.StartDate is { } s && d.DueDate is { } e && e < s)
            throw new DomainRuleException("initiative.due_before_start", "The due date must be on or after the start date.");
        Title = Guard.Text(d.Title, "Title", TextLimits.Title);
        Description = Guard.OptionalText(d.Description, "Description", TextLimits.LongText);
        OwnerId = d.OwnerId;
        UnitId = d.UnitId;
        StartDate = d.StartDate;
        DueDate = d.DueDate;
        External = d.External;
    }

    public void ChangeStatus(InitiativeStatus status) => Status = status;

    public void LinkKeyResult(Guid keyResultId)
    {
        Guard.NotEmpty(keyResultId, "Key result");
        if (_keyResultLinks.Any(l => l.KeyResultId == keyResultId))
            throw new DomainRuleException("initiative.already_linked", "The initiative is already linked to this key result.");
        _keyResultLinks.Add(new InitiativeKeyResult(OrganizationId, Id, keyResultId));
    }

    public void UnlinkKeyResult(Guid keyResultId)
    {
        var link = _keyResultLinks.FirstOrDefault(l => l.KeyResultId == keyResultId)
            ?? throw new DomainRuleException("initiative.not_linked", "The initiative is not linked to this key result.");
        _keyResultLinks.Remove(link);
    }
}

public sealed class InitiativeKeyResult : TenantEntity
{
    private InitiativeKeyResult() { }

    internal InitiativeKeyResult(Guid organizationId, Guid initiativeId, Guid keyResultId) : base(organizationId)
    {
        InitiativeId = initiativeId;
        KeyResultId = keyResultId;
    }

    public Guid InitiativeId { get; private set; }
    public Guid KeyResultId { get; private set; }
}
