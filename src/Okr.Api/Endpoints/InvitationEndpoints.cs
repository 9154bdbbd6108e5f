using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Invitations.Commands.AcceptInvitation;
using Okr.Application.Invitations.Commands.CreateInvitation;
using Okr.Application.Invitations.Commands.ResendInvitation;
using Okr.Application.Invitations.Commands.RevokeInvitation;
using Okr.Application.Invitations.Dtos;
using Okr.Application.Invitations.Queries.GetInvitation;
using Okr.Application.People.Dtos;

namespace Okr.Api.Endpoints;

/// <summary>/api/invitations: inviting people by email, and joining with the one-time token.</summary>
public static class InvitationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/invitations").WithTags("Invitations");
        group.MapPost("/", CreateInvitation)
            .Operation(nameof(CreateInvitation),
                "Invite someone by email (admins): the invitation is mailed to them. The answer carries the one-time token and accept link, shown only once.")
            .RuleViolations();
        group.MapPost("/{id:guid}/resend", ResendInvitation)
            .Operation(nameof(ResendInvitation),
                "Mail an invitation again with a new link (admins); the previous link stops working. At most once every five minutes per invitation.")
            .NotFound().RuleViolations();
        group.MapGet("/{id:guid}", GetInvitation)
            .Operation(nameof(GetInvitation), "One invitation and where it stands (admins); the ETag is its version.").Read();
        group.MapDelete("/{id:guid}", RevokeInvitation)
            .Operation(nameof(RevokeInvitation), "Revoke a pending invitation (admins).").NotFoundAndStale().RuleViolations();
        group.MapPost("/accept", AcceptInvitation)
            .Operation(nameof(AcceptInvitation),
                "Accept an invitation sent to the caller's email and join its organisation; the caller must not belong to one yet.")
            .NotFoundAndStale().RuleViolations().Throttled();
    }

    public static async Task<Created<InvitationCreated>> CreateInvitation(CreateInvitation command, ISender sender, HttpContext http,
        CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/invitations/{created.Id}", created);
    }

    public static async Task<Ok<InvitationCreated>> ResendInvitation(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new ResendInvitation(id), cancellationToken));

    public static async Task<Ok<InvitationDto>> GetInvitation(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetInvitation(id), cancellationToken));

    public static async Task<NoContent> RevokeInvitation(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokeInvitation(id, Http.IfMatch(http)), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Created<PersonDto>> AcceptInvitation(AcceptInvitation command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var person = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/people/{person.Id}", person);
    }
}
