namespace Okr.Infrastructure.Webhooks;

/// <summary><c>Webhooks:*</c>: where webhooks may go, and how the dispatcher sends them (ADR 0030).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Hosts (names or addresses, e.g. <c>127.0.0.1</c> or <c>hooks.internal.example</c>) that may receive webhooks even
    /// though they resolve to a private, loopback or link-local address. Empty: only public addresses.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Allows http:// endpoints (tests, a receiver on the same machine). Off: HTTPS only.</summary>
    public bool AllowInsecure { get; set; }

    /// <summary>The interval of the scheduler's webhook job; 0: this replica schedules none.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>How long one request may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>How long a claimed delivery is held; longer than <see cref="TimeoutSeconds"/>.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Deliveries claimed per pass.</summary>
    public int BatchSize { get; set; } = 20;
}
