using FluentValidation;
using Okr.Domain.Common;

namespace Okr.Application.Organizations.Commands.CreateOrganization;

public sealed class CreateOrganizationValidator : AbstractValidator<CreateOrganization>
{
    public CreateOrganizationValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the organisation a name.").MaximumLength(TextLimits.Name);
        RuleFor(c => c.DisplayName).MaximumLength(TextLimits.Name);
    }
}
