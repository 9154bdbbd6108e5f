using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Objectives.Dtos;
using Okr.Domain.KeyResults;

namespace Okr.Application.KeyResults.Commands.ArrangeKeyResults;

/// <summary>Sets the order and the weights of an objective's key results in one go; list every key result once.</summary>
public sealed record ArrangeKeyResults : ICommand<ObjectiveDto>, IExpectVersion
{
    [JsonIgnore] public Guid ObjectiveId { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>The key results in their new order, each with its weight.</summary>
    public required IReadOnlyList<KeyResultPlacement> KeyResults { get; init; }
}

/// <param name="Weight">How much the key result counts in the objective's progress.</param>
public sealed record KeyResultPlacement(Guid KeyResultId, decimal Weight);

public sealed class ArrangeKeyResultsValidator : AbstractValidator<ArrangeKeyResults>
{
    public ArrangeKeyResultsValidator()
    {
        RuleFor(c => c.KeyResults).NotNull().Must(k => k.Count <= 100);
        RuleForEach(c => c.KeyResults).NotNull().WithMessage("A placement may not be null.");
        RuleForEach(c => c.KeyResults).ChildRules(p => p.RuleFor(x => x.Weight).InclusiveBetween(0, KeyResult.MaxWeight));
    }
}

public sealed class ArrangeKeyResultsHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<ArrangeKeyResults, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(ArrangeKeyResults command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var objective = await db.VisibleObjectiveAsync(command.ObjectiveId, policy, cancellationToken);
        if (!policy.CanEdit(ObjectiveAccess.Of(objective)))
            throw new ForbiddenException("You cannot rearrange this objective's key results.");
        objective.EnsureVersion(command.ExpectedVersion);
        var period = await db.PeriodAsync(objective.PeriodId, cancellationToken);

        objective.ReorderKeyResults(command.KeyResults.Select(p => p.KeyResultId).ToList(), period);
        foreach (var placement in command.KeyResults)
            objective.KeyResults.Single(k => k.Id == placement.KeyResultId).ChangeWeight(placement.Weight, objective, period);
        await db.SaveChangesAsync(cancellationToken);
        return objective.ToDto();
    }
}
