using Okr.Domain.Common;

namespace Okr.Domain.Periods;

/// <summary>The optional strategic layer ("pillar", "initiative", "epic") between the company and objectives.</summary>
public sealed class FocusArea : TenantAggregate
{
    private FocusArea() { Title = string.Empty; }

    public FocusArea(Guid organizationId, Guid periodId, string title, string? description) : base(organizationId)
    {
        Guard.NotEmpty(periodId, nameof(periodId));
        PeriodId = periodId;
        Title = Guard.Text(title, "Title", TextLimits.Title);
        Description = Guard.OptionalText(description, "Description", TextLimits.LongText);
    }

    public Guid PeriodId { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public bool IsArchived { get; private set; }

    public void Edit(string title, string? description)
    {
        Title = Guard.Text(title, "Title", TextLimits.Title);
        Description = Guard.OptionalText(description, "Description", TextLimits.LongText);
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;
}
