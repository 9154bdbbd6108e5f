using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Objectives;

namespace Okr.Application.Objectives.Commands.AlignObjective;

/// <summary>
/// Aligns an objective up to a parent objective, or to one of a parent's key results. Several parents are
/// allowed; a link that would close a cycle is refused.
/// </summary>
public sealed record AlignObjective : ICommand<AlignmentDto>
{
    [JsonIgnore] public Guid Id { get; init; }
    /// <summary>The parent objective. Give this or <see cref="ParentKeyResultId"/>.</summary>
    public Guid? ParentObjectiveId { get; init; }
    /// <summary>A key result of the parent objective, when the child moves that key result specifically.</summary>
    public Guid? ParentKeyResultId { get; init; }
    /// <summary>Contributes (counts in the parent's progress, with the weight) or supports (shown, not counted).</summary>
    public AlignmentKind Kind { get; init; } = AlignmentKind.Contributes;
    /// <summary>How much the child counts in the parent's progress, next to the parent's key results (default 1).</summary>
    public decimal Weight { get; init; } = 1;
}

/// <summary>A link in the alignment graph.</summary>
public sealed record AlignmentDto(Guid Id, long Version, Guid ChildObjectiveId, Guid ParentObjectiveId, Guid? ParentKeyResultId,
    AlignmentKind Kind, decimal Weight, DateTimeOffset CreatedAt) : IVersionedDto
{
    public static AlignmentDto Of(Alignment a) => new(a.Id, a.Version, a.ChildObjectiveId, a.ParentObjectiveId, a.ParentKeyResultId, a.Kind, a.Weight, a.CreatedAt);
}

public sealed class AlignObjectiveValidator : AbstractValidator<AlignObjective>
{
    public AlignObjectiveValidator()
    {
        RuleFor(c => c).Must(c => c.ParentObjectiveId is not null || c.ParentKeyResultId is not null)
            .OverridePropertyName("parentObjectiveId").WithMessage("Name the parent objective or the parent key result.");
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Weight).InclusiveBetween(0, Alignment.MaxWeight);
    }
}

public sealed class AlignObjectiveHandler(IOkrDbContext db, AccessPolicyProvider access, IClock clock) : ICommandHandler<AlignObjective, AlignmentDto>
{
    public async ValueTask<AlignmentDto> Handle(AlignObjective command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var child = await db.VisibleObjectiveAsync(command.Id, policy, cancellationToken);
        if (!policy.CanEdit(ObjectiveAccess.Of(child)))
            throw new ForbiddenException("You cannot align this objective.");

        Objective parent;
        Domain.KeyResults.KeyResult? parentKeyResult = null;
        try
        {
            if (command.ParentKeyResultId is { } keyResultId)
            {
                (parentKeyResult, parent) = await db.VisibleKeyResultAsync(keyResultId, policy, cancellationToken);
                if (command.ParentObjectiveId is { } objectiveId && objectiveId != parent.Id)
                    throw Invalid.Field(nameof(command.ParentKeyResultId), "The key result does not belong to that parent objective.");
            }
            else
            {
                parent = await db.VisibleObjectiveAsync(command.ParentObjectiveId!.Value, policy, cancellationToken);
            }
        }
        catch (NotFoundException)
        {
            throw Invalid.Field(command.ParentKeyResultId is null ? nameof(command.ParentObjectiveId) : nameof(command.ParentKeyResultId),
                "No such parent in your organisation.");
        }

        // A weighted contribution changes the parent's progress: it is the parent's editors' call.
        if (command.Kind == AlignmentKind.Contributes && command.Weight != 1 && !policy.CanEdit(ObjectiveAccess.Of(parent)))
            throw new ForbiddenException("Only those who can edit the parent objective can give a contribution a weight other than 1.");

        // What the rules need of the graph: the child's own links (a duplicate) and everything above the parent (a cycle:
        // the child among the parent's ancestors), read a level at a time, not every alignment of the organisation.
        var graph = await AlignmentGraph.LoadAsync([child.Id, parent.Id], upwards: true, async frontier =>
            (await db.LiveAlignments()
                .Where(a => EF.Parameter(frontier).Contains(a.ChildObjectiveId))
                .Select(a => new { a.ChildObjectiveId, a.ParentObjectiveId })
                .ToListAsync(cancellationToken))
            .Select(a => (a.ChildObjectiveId, a.ParentObjectiveId)));
        var alignment = Alignment.Create(child, parent, parentKeyResult, command.Kind, command.Weight, graph.Edges, clock.UtcNow);
        // A leftover link to a deleted key result of that parent links nothing (and is not a duplicate): the new one replaces it.
        db.Alignments.RemoveRange(await db.Alignments
            .Where(a => a.ChildObjectiveId == child.Id && a.ParentObjectiveId == parent.Id)
            .Except(db.LiveAlignments())
            .ToListAsync(cancellationToken));
        db.Alignments.Add(alignment);
        await db.SaveChangesAsync(cancellationToken);
        return AlignmentDto.Of(alignment);
    }
}
