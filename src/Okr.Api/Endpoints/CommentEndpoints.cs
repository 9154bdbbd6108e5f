using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Comments.Commands.CreateComment;
using Okr.Application.Comments.Commands.DeleteComment;
using Okr.Application.Comments.Commands.UpdateComment;
using Okr.Application.Comments.Dtos;
using Okr.Application.Comments.Queries.GetComment;

namespace Okr.Api.Endpoints;

/// <summary>/api/comments: discussion on objectives and key results.</summary>
public static class CommentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/comments").WithTags("Comments");
        group.MapPost("/", CreateComment)
            .Operation(nameof(CreateComment), "Comment on an objective or a key result you can see.").RuleViolations();
        group.MapGet("/{id:guid}", GetComment)
            .Operation(nameof(GetComment), "One comment; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", UpdateComment)
            .Operation(nameof(UpdateComment), "Rewrite your comment (author only). Send If-Match.").NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}", DeleteComment)
            .Operation(nameof(DeleteComment), "Delete a comment, softly: the author, or as moderators the leads over the objective's unit and admins.")
            .NotFoundAndStale();
    }

    public static async Task<Created<CommentDto>> CreateComment(CreateComment command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/comments/{created.Id}", created);
    }

    public static async Task<Ok<CommentDto>> GetComment(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetComment(id), cancellationToken));

    public static async Task<Ok<CommentDto>> UpdateComment(Guid id, UpdateComment command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<NoContent> DeleteComment(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteComment(id, Http.IfMatch(http)), cancellationToken);
        return TypedResults.NoContent();
    }
}
