using Mediator;
using Okr.Application.Annotations.Dtos;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Annotations.Queries.GetAnnotation;

/// <summary>One annotation, for a tool's read-modify-write (the annotations of a chart are on GraphQL).</summary>
public sealed record GetAnnotation(Guid Id) : IQuery<AnnotationDto>;

public sealed class GetAnnotationHandler(IOkrDbContext db, AccessPolicyProvider access) : IQueryHandler<GetAnnotation, AnnotationDto>
{
    public async ValueTask<AnnotationDto> Handle(GetAnnotation query, CancellationToken cancellationToken) =>
        (await db.VisibleAnnotationAsync(query.Id, await access.GetAsync(cancellationToken), cancellationToken)).ToDto();
}
