using FluentValidation;
using Mediator;
using Okr.Application.Annotations.Dtos;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Work;

namespace Okr.Application.Annotations.Commands.CreateAnnotation;

/// <summary>Notes a change made in the world on the charts of the key results and KPIs it concerns. Any member can.</summary>
public sealed record CreateAnnotation : AnnotationFields, ICommand<AnnotationDto>;

public sealed class CreateAnnotationValidator : AbstractValidator<CreateAnnotation>
{
    public CreateAnnotationValidator(IClock clock) => Include(new AnnotationFieldsValidator(clock));
}

public sealed class CreateAnnotationHandler(IOkrDbContext db, AccessPolicyProvider access, ICurrentUser user) : ICommandHandler<CreateAnnotation, AnnotationDto>
{
    public async ValueTask<AnnotationDto> Handle(CreateAnnotation command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        await command.EnsureTargetsAsync(db, policy, cancellationToken);

        var annotation = new Annotation(user.OrganizationId!.Value, command.Date, command.Text, command.Kind, policy.PersonId,
            command.KeyResultIds, command.KpiIds);
        db.Annotations.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
        return await annotation.ToDtoAsync(db, policy, cancellationToken);
    }
}
