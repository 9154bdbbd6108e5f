namespace Okr.Api.Security;

/// <summary>How hard guessing is made (section <c>SignIn:Throttle</c>; ADR 0016). The defaults suit people; tests raise or lower them.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn:Throttle";

    /// <summary>Requests one client (IP address) may send to the anonymous endpoints per <see cref="ClientWindowSeconds"/>.</summary>
    public int ClientPermits { get; set; } = 30;
    public int ClientWindowSeconds { get; set; } = 60;

    /// <summary>
    /// GraphQL requests (of any kind) one client that is not signed in may send per <see cref="ClientWindowSeconds"/>:
    /// anonymous callers may only introspect, which a client does once. Signed-in callers are not counted.
    /// </summary>
    public int AnonymousGraphQLPermits { get; set; } = 30;

    /// <summary>Sign-in, registration and password-reset requests naming one account, from anywhere, per <see cref="AccountWindowSeconds"/>.</summary>
    public int AccountPermits { get; set; } = 10;
    public int AccountWindowSeconds { get; set; } = 60;

    /// <summary>Wrong passwords one client may try on one account before it has to wait (the account stays open to everyone else).</summary>
    public int FailuresBeforeBackoff { get; set; } = 5;
    /// <summary>The first wait; it doubles with each further failure, up to <see cref="MaxBackoffSeconds"/>.</summary>
    public int BackoffSeconds { get; set; } = 60;
    public int MaxBackoffSeconds { get; set; } = 900;

    /// <summary>Requests one API key may send per <see cref="ApiKeyWindowSeconds"/> (ADR 0027), counted per key wherever it is used from.</summary>
    public int ApiKeyPermits { get; set; } = 600;
    public int ApiKeyWindowSeconds { get; set; } = 60;
}
