using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Messaging.Commands.Unsubscribe;

namespace Okr.Api.Endpoints;

/// <summary>/api/unsubscribe: the target of the unsubscribe links and of mail clients' one-click unsubscribe (RFC 8058; ADR 0029).</summary>
public static class EmailEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/unsubscribe", Unsubscribe)
            .WithTags("Email")
            .Operation(nameof(Unsubscribe),
                "Turn off the kind of email an unsubscribe link names, for the person it names (no sign-in: the signed token is the proof). Mail clients POST List-Unsubscribe=One-Click here (RFC 8058); the body is not read. A token the server did not issue answers 400 and changes nothing.")
            .Throttled();
    }

    /// <param name="token">The token of the unsubscribe link.</param>
    public static async Task<Ok<Unsubscribed>> Unsubscribe(string? token, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new Unsubscribe(token ?? string.Empty), cancellationToken));
}
