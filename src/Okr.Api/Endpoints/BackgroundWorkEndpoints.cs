using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Administration.Commands.RetryOutboxMessage;
using Okr.Application.Administration.Queries;

namespace Okr.Api.Endpoints;

/// <summary>/api/outbox-messages and /api/mail-files: what the admin page does with the engine's mail (admins; ADR 0029).</summary>
public static class BackgroundWorkEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/outbox-messages/{id:guid}/retry", RetryOutboxMessage)
            .WithTags("BackgroundWork")
            .Operation(nameof(RetryOutboxMessage), "Send a failed or waiting email of the outbox at the next dispatch (admins). A sent one is not sent again (422).")
            .NotFound().RuleViolations();
        api.MapGet("/mail-files/{name}", GetMailFile)
            .WithTags("BackgroundWork")
            .Operation(nameof(GetMailFile), "An email written as a file because no SMTP server is configured, as written (admins).")
            .Produces<string>(StatusCodes.Status200OK, "message/rfc822")
            .Read();
    }

    public static async Task<NoContent> RetryOutboxMessage(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RetryOutboxMessage(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<FileContentHttpResult> GetMailFile(string name, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.File(await sender.Send(new GetMailFile(name), cancellationToken), "message/rfc822", name);
}
