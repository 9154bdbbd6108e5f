using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Organizations.Commands.CreateOrganization;

namespace Okr.Api.Endpoints;

/// <summary>/api/organizations: the tenant itself.</summary>
public static class OrganizationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");
        group.MapPost("/", CreateOrganization)
            .Operation(nameof(CreateOrganization), "Create an organisation; the caller, who must not belong to one yet, becomes its admin.")
            .RuleViolations();
    }

    public static async Task<Created<OrganizationCreated>> CreateOrganization(CreateOrganization command, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/organizations/{created.OrganizationId}", created);
    }
}
