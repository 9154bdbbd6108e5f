namespace Okr.Application.Common.Security;

/// <summary>Needs no sign-in at all.</summary>
public interface IAnonymousRequest;

/// <summary>Needs a signed-in user, who need not belong to an organisation yet (create or join one).</summary>
public interface IUserRequest;

/// <summary>Needs an organisation admin.</summary>
public interface IAdminRequest;

/// <summary>A command a check-in writer's API key may send (ADR 0027); any other command is refused to it.</summary>
public interface ICheckInWriterRequest;

/// <summary>
/// Fine-grained authorisation of one request type, run by the pipeline after the default membership check,
/// so REST and GraphQL share it. Throw <see cref="Exceptions.ForbiddenException"/> (or NotFound to hide existence).
/// </summary>
public interface IRequestAuthorizer<in TRequest>
{
    ValueTask AuthorizeAsync(TRequest request, CancellationToken cancellationToken);
}
