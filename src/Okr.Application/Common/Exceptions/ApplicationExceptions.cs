namespace Okr.Application.Common.Exceptions;

/// <summary>
/// Nothing with this id is visible to the caller. Also used for ids of another organisation or of a
/// restricted objective the caller cannot see, so existence does not leak.
/// </summary>
public sealed class NotFoundException(string entity, object key)
    : Exception($"{entity} '{key}' was not found.")
{
    public string Entity { get; } = entity;
}

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The caller is not signed in (or has no organisation, where one is needed).</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);

/// <summary>The caller's copy is stale: someone changed the resource since it was read.</summary>
public sealed class ConcurrencyException(string message) : Exception(message);

/// <summary>The request conflicts with the current state (a duplicate, a resource in use), beyond a domain rule.</summary>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The answer asked for is larger than one response may carry (a limit the operator can raise); the message says how to
/// ask for it in parts.
/// </summary>
public sealed class AnswerTooLargeException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
