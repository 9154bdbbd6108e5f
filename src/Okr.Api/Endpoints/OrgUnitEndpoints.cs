using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.OrgUnits.Commands.AddUnitMember;
using Okr.Application.OrgUnits.Commands.ChangeUnitMemberRole;
using Okr.Application.OrgUnits.Commands.CreateOrgUnit;
using Okr.Application.OrgUnits.Commands.DeleteOrgUnit;
using Okr.Application.OrgUnits.Commands.MoveOrgUnit;
using Okr.Application.OrgUnits.Commands.RemoveUnitMember;
using Okr.Application.OrgUnits.Commands.UpdateOrgUnit;
using Okr.Application.OrgUnits.Dtos;
using Okr.Application.OrgUnits.Queries.GetOrgUnit;

namespace Okr.Api.Endpoints;

/// <summary>/api/org-units: the organisation tree and who belongs where.</summary>
public static class OrgUnitEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/org-units").WithTags("OrgUnits");
        group.MapPost("/", CreateOrgUnit)
            .Operation(nameof(CreateOrgUnit), "Create a unit below another one (its leads, the leads above and admins).").RuleViolations();
        group.MapGet("/{id:guid}", GetOrgUnit)
            .Operation(nameof(GetOrgUnit), "One unit with its members; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", UpdateOrgUnit)
            .Operation(nameof(UpdateOrgUnit), "Rename the unit and change its kind. Send If-Match.").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/move", MoveOrgUnit)
            .Operation(nameof(MoveOrgUnit), "Move the unit (and its subtree) under another parent; cycles are refused.").NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}", DeleteOrgUnit)
            .Operation(nameof(DeleteOrgUnit), "Delete an empty unit (no sub-units, objectives, key results, KPIs, initiatives or members).")
            .NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/members", AddUnitMember)
            .Operation(nameof(AddUnitMember), "Add a person to the unit as lead or member. Answers with the unit.").NotFoundAndStale().RuleViolations();
        group.MapPut("/{id:guid}/members/{personId:guid}", ChangeUnitMemberRole)
            .Operation(nameof(ChangeUnitMemberRole), "Change a member's role in the unit. Send the unit's If-Match.").NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}/members/{personId:guid}", RemoveUnitMember)
            .Operation(nameof(RemoveUnitMember), "Remove a person from the unit. Answers with the unit.").NotFoundAndStale();
    }

    public static async Task<Created<OrgUnitDto>> CreateOrgUnit(CreateOrgUnit command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/org-units/{created.Id}", created);
    }

    public static async Task<Ok<OrgUnitDto>> GetOrgUnit(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetOrgUnit(id), cancellationToken));

    public static async Task<Ok<OrgUnitDto>> UpdateOrgUnit(Guid id, UpdateOrgUnit command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<OrgUnitDto>> MoveOrgUnit(Guid id, MoveOrgUnit command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<NoContent> DeleteOrgUnit(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteOrgUnit(id, Http.IfMatch(http)), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Created<OrgUnitDto>> AddUnitMember(Guid id, AddUnitMember command, ISender sender, HttpContext http,
        CancellationToken cancellationToken)
    {
        var unit = await sender.Send(command with { UnitId = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken);
        return Http.Created(http, $"/api/org-units/{id}/members/{command.PersonId}", unit);
    }

    public static async Task<Ok<OrgUnitDto>> ChangeUnitMemberRole(Guid id, Guid personId, ChangeUnitMemberRole command, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { UnitId = id, PersonId = personId, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<OrgUnitDto>> RemoveUnitMember(Guid id, Guid personId, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new RemoveUnitMember(id, personId, Http.IfMatch(http)), cancellationToken));
}
