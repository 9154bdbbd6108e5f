using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Periods.Dtos;
using Okr.Domain.Periods;

namespace Okr.Application.Periods.Commands.PeriodLifecycle;

/// <summary>Planning → active: the cycle runs, check-ins are expected. Admins only.</summary>
public sealed record ActivatePeriod(Guid Id, long? ExpectedVersion = null) : ICommand<PeriodDto>, IExpectVersion, IAdminRequest;

/// <summary>Active → review: the cycle ends, grading and retrospectives begin. Admins only.</summary>
public sealed record StartPeriodReview(Guid Id, long? ExpectedVersion = null) : ICommand<PeriodDto>, IExpectVersion, IAdminRequest;

/// <summary>Review → active, when something was missed before closing. Admins only.</summary>
public sealed record ReopenPeriod(Guid Id, long? ExpectedVersion = null) : ICommand<PeriodDto>, IExpectVersion, IAdminRequest;

public sealed class PeriodLifecycleHandler(IOkrDbContext db)
    : ICommandHandler<ActivatePeriod, PeriodDto>, ICommandHandler<StartPeriodReview, PeriodDto>, ICommandHandler<ReopenPeriod, PeriodDto>
{
    public ValueTask<PeriodDto> Handle(ActivatePeriod command, CancellationToken cancellationToken) =>
        MoveAsync(command.Id, command.ExpectedVersion, period => period.Activate(), cancellationToken);

    public ValueTask<PeriodDto> Handle(StartPeriodReview command, CancellationToken cancellationToken) =>
        MoveAsync(command.Id, command.ExpectedVersion, period => period.MoveTo(PeriodState.Review), cancellationToken);

    public ValueTask<PeriodDto> Handle(ReopenPeriod command, CancellationToken cancellationToken) =>
        MoveAsync(command.Id, command.ExpectedVersion, period => period.Reopen(), cancellationToken);

    private async ValueTask<PeriodDto> MoveAsync(Guid id, long? expectedVersion, Action<Period> move, CancellationToken cancellationToken)
    {
        var period = await db.PeriodAsync(id, cancellationToken);
        period.EnsureVersion(expectedVersion);
        move(period);
        await db.SaveChangesAsync(cancellationToken);
        return PeriodDto.Of(period);
    }
}
