using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Work;

namespace Okr.Application.Initiatives.Dtos;

/// <summary>An initiative as REST returns it, for read-modify-write; lists are on GraphQL.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the initiative.</param>
/// <param name="KeyResultIds">The key results the work should move, as far as the caller can see them.</param>
public sealed record InitiativeDto(
    Guid Id,
    long Version,
    string Title,
    string? Description,
    InitiativeStatus Status,
    Guid? OwnerId,
    Guid? UnitId,
    DateOnly? StartDate,
    DateOnly? DueDate,
    ExternalReferenceDto? External,
    IReadOnlyList<Guid> KeyResultIds) : IVersionedDto;

/// <summary>Where the work is tracked elsewhere.</summary>
/// <param name="System">The tool: "Jira", "GitHub", "Linear".</param>
/// <param name="Key">Its key there: "PM-101".</param>
/// <param name="Url">An absolute http(s) link to it.</param>
public sealed record ExternalReferenceDto(string System, string Key, string? Url);

public static class InitiativeMapping
{
    /// <summary>The DTO, listing only the linked key results the caller can see (one query).</summary>
    public static async Task<InitiativeDto> ToDtoAsync(this Initiative initiative, IOkrDbContext db, AccessPolicy access, CancellationToken cancellationToken)
    {
        var linked = initiative.KeyResultLinks.Select(l => l.KeyResultId).ToList();
        var visible = await db.VisibleKeyResultIdsAsync(linked, access, cancellationToken);
        return new InitiativeDto(initiative.Id, initiative.Version, initiative.Title, initiative.Description, initiative.Status,
            initiative.OwnerId, initiative.UnitId, initiative.StartDate, initiative.DueDate,
            initiative.External is { } e ? new ExternalReferenceDto(e.System, e.Key, e.Url) : null,
            linked.Where(visible.Contains).ToList());
    }
}
