namespace Okr.Application.Common.Interfaces;

/// <summary>Who stops getting which kind of email: what an unsubscribe link carries, signed.</summary>
public sealed record UnsubscribeRequest(Guid OrganizationId, Guid PersonId, string Kind);

/// <summary>
/// Unsubscribe links' tokens: signed and encrypted by the server (ASP.NET Core Data Protection), so a link names one
/// person and one kind of mail and cannot be forged or altered (ADR 0029).
/// </summary>
public interface IUnsubscribeTokens
{
    string Issue(UnsubscribeRequest request);

    /// <summary>The request a token carries; null for anything the server did not issue (or altered, or truncated).</summary>
    UnsubscribeRequest? Read(string token);
}
