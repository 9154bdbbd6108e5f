using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.ServiceAccounts.Commands.CreateApiKey;
using Okr.Application.ServiceAccounts.Commands.CreateServiceAccount;
using Okr.Application.ServiceAccounts.Commands.DisableServiceAccount;
using Okr.Application.ServiceAccounts.Commands.RevokeApiKey;
using Okr.Application.ServiceAccounts.Dtos;
using Okr.Application.ServiceAccounts.Queries.ListServiceAccounts;

namespace Okr.Api.Endpoints;

/// <summary>/api/service-accounts: the members integrations act as, and their API keys (admins; ADR 0027).</summary>
public static class ServiceAccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/service-accounts").WithTags("ServiceAccounts");
        group.MapPost("/", CreateServiceAccount)
            .Operation(nameof(CreateServiceAccount),
                "Create a service account (admins): a name and a scope (READ_ONLY; CHECK_IN_WRITER with the unit whose subtree it writes to; ADMIN).")
            .NotFound().RuleViolations();
        group.MapGet("/", ListServiceAccounts)
            .Operation(nameof(ListServiceAccounts), "The organisation's service accounts and their keys, never their secrets (admins).");
        group.MapDelete("/{id:guid}", DisableServiceAccount)
            .Operation(nameof(DisableServiceAccount), "Disable a service account and revoke all its keys (admins).").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/keys", CreateApiKey)
            .Operation(nameof(CreateApiKey),
                "Make an API key for a service account (admins). The answer carries the whole key (okr_live_…) once: only a hash is stored.")
            .NotFound().RuleViolations();
        group.MapDelete("/{id:guid}/keys/{keyId:guid}", RevokeApiKey)
            .Operation(nameof(RevokeApiKey), "Revoke an API key (admins): it is refused from the next request on.").NotFound();
    }

    public static async Task<Created<ServiceAccountDto>> CreateServiceAccount(CreateServiceAccount command, ISender sender, HttpContext http,
        CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/service-accounts/{created.Id}", created);
    }

    public static async Task<Ok<IReadOnlyList<ServiceAccountDto>>> ListServiceAccounts(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListServiceAccounts(), cancellationToken));

    public static async Task<NoContent> DisableServiceAccount(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        await sender.Send(new DisableServiceAccount(id, Http.IfMatch(http)), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Created<ApiKeyCreated>> CreateApiKey(Guid id, CreateApiKey command, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command with { ServiceAccountId = id }, cancellationToken);
        return TypedResults.Created($"/api/service-accounts/{id}/keys/{created.Id}", created);
    }

    public static async Task<NoContent> RevokeApiKey(Guid id, Guid keyId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokeApiKey(id, keyId), cancellationToken);
        return TypedResults.NoContent();
    }
}
