using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Work;

namespace Okr.Application.Annotations.Dtos;

/// <summary>An annotation as REST returns it.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the annotation.</param>
/// <param name="KeyResultIds">The key results it concerns, as far as the caller can see them.</param>
/// <param name="KpiIds">The KPIs it concerns.</param>
public sealed record AnnotationDto(
    Guid Id,
    long Version,
    DateOnly Date,
    string Text,
    AnnotationKind Kind,
    Guid AuthorId,
    IReadOnlyList<Guid> KeyResultIds,
    IReadOnlyList<Guid> KpiIds) : IVersionedDto;

/// <summary>An annotation with what the caller can see of it.</summary>
public sealed record VisibleAnnotation(Annotation Annotation, IReadOnlySet<Guid> VisibleKeyResultIds)
{
    public IReadOnlyList<Guid> KeyResultIds => Annotation.Targets.Where(t => t.KeyResultId is { } id && VisibleKeyResultIds.Contains(id))
        .Select(t => t.KeyResultId!.Value).ToList();

    public IReadOnlyList<Guid> HiddenKeyResultIds => Annotation.Targets.Where(t => t.KeyResultId is { } id && !VisibleKeyResultIds.Contains(id))
        .Select(t => t.KeyResultId!.Value).ToList();

    public IReadOnlyList<Guid> KpiIds => Annotation.Targets.Where(t => t.KpiId is not null).Select(t => t.KpiId!.Value).ToList();

    public AnnotationDto ToDto() =>
        new(Annotation.Id, Annotation.Version, Annotation.Date, Annotation.Text, Annotation.Kind, Annotation.AuthorId, KeyResultIds, KpiIds);
}

public static class AnnotationLoading
{
    /// <summary>
    /// An annotation the caller can see: its author and admins always; others when it concerns a KPI (KPIs are
    /// organisation-wide) or a key result they can see. Otherwise 404, so a note on a restricted objective does not leak.
    /// </summary>
    public static async Task<VisibleAnnotation> VisibleAnnotationAsync(this IOkrDbContext db, Guid id, AccessPolicy access, CancellationToken cancellationToken)
    {
        var annotation = await db.Annotations.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("Annotation", id);
        var visible = await db.VisibleKeyResultIdsAsync(annotation.Targets.Where(t => t.KeyResultId is not null).Select(t => t.KeyResultId!.Value),
            access, cancellationToken);
        var seen = new VisibleAnnotation(annotation, visible);
        if (!access.CanChangeAnnotation(annotation.AuthorId) && seen.KpiIds.Count == 0 && seen.KeyResultIds.Count == 0)
            throw new NotFoundException("Annotation", id);
        return seen;
    }

    /// <summary>The DTO of an annotation just written by the caller.</summary>
    public static async Task<AnnotationDto> ToDtoAsync(this Annotation annotation, IOkrDbContext db, AccessPolicy access, CancellationToken cancellationToken)
    {
        var visible = await db.VisibleKeyResultIdsAsync(annotation.Targets.Where(t => t.KeyResultId is not null).Select(t => t.KeyResultId!.Value),
            access, cancellationToken);
        return new VisibleAnnotation(annotation, visible).ToDto();
    }
}
