using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.FocusAreas.Dtos;
using Okr.Domain.Periods;

namespace Okr.Application.FocusAreas.Commands.FocusAreaArchiving;

/// <summary>Archives a focus area: objectives keep naming it, new ones cannot choose it. Admins only.</summary>
public sealed record ArchiveFocusArea(Guid Id, long? ExpectedVersion = null) : ICommand<FocusAreaDto>, IExpectVersion, IAdminRequest;

/// <summary>Brings an archived focus area back. Admins only.</summary>
public sealed record RestoreFocusArea(Guid Id, long? ExpectedVersion = null) : ICommand<FocusAreaDto>, IExpectVersion, IAdminRequest;

public sealed class FocusAreaArchivingHandler(IOkrDbContext db)
    : ICommandHandler<ArchiveFocusArea, FocusAreaDto>, ICommandHandler<RestoreFocusArea, FocusAreaDto>
{
    public ValueTask<FocusAreaDto> Handle(ArchiveFocusArea command, CancellationToken cancellationToken) =>
        ChangeAsync(command.Id, command.ExpectedVersion, area => area.Archive(), cancellationToken);

    public ValueTask<FocusAreaDto> Handle(RestoreFocusArea command, CancellationToken cancellationToken) =>
        ChangeAsync(command.Id, command.ExpectedVersion, area => area.Restore(), cancellationToken);

    private async ValueTask<FocusAreaDto> ChangeAsync(Guid id, long? expectedVersion, Action<FocusArea> change, CancellationToken cancellationToken)
    {
        var area = await db.FocusAreas.FindOrNotFoundAsync(id, "FocusArea", cancellationToken);
        area.EnsureVersion(expectedVersion);
        change(area);
        await db.SaveChangesAsync(cancellationToken);
        return FocusAreaDto.Of(area);
    }
}
