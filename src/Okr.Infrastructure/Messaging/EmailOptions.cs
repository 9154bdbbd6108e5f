using MailKit.Security;

namespace Okr.Infrastructure.Messaging;

/// <summary>
/// <c>Email:*</c>: the SMTP server mail goes through. With no <see cref="Host"/>, messages are written as .eml files to
/// <see cref="PickupFolder"/> instead, so the embedded default works end to end without a mail server.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The SMTP server's host name; empty: write files to <see cref="PickupFolder"/>.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>
    /// MailKit's <see cref="SecureSocketOptions"/>: <c>Auto</c> (TLS on port 465, STARTTLS when offered otherwise),
    /// <c>SslOnConnect</c>, <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c> or <c>None</c>.
    /// </summary>
    public SecureSocketOptions TlsMode { get; set; } = SecureSocketOptions.Auto;
    /// <summary>The account to authenticate as; empty: no authentication.</summary>
    public string? User { get; set; }
    /// <summary>Never logged.</summary>
    public string? Password { get; set; }
    /// <summary>The sender, as <c>name@example.com</c> or <c>Okr &lt;name@example.com&gt;</c>.</summary>
    public string From { get; set; } = "Okr <no-reply@okr.localhost>";
    /// <summary>Where .eml files go without a host; relative to the content root (src/Okr.Api/App_Data/mail by default).</summary>
    public string PickupFolder { get; set; } = Path.Combine("App_Data", "mail");
    /// <summary>How long one conversation with the server may take.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public override string ToString() =>
        $"Host={Host ?? "(files)"}, Port={Port}, TlsMode={TlsMode}, User={User ?? "(none)"}, Password={(string.IsNullOrEmpty(Password) ? "(none)" : "***")}, From={From}";
}

/// <summary><c>Outbox:*</c>: how this replica dispatches the outbox.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// Seconds between runs of the scheduler's outbox job (one replica runs each); 0 leaves the outbox job without a
    /// trigger from this replica (tests dispatch by hand).
    /// </summary>
    public int PollSeconds { get; set; } = 5;
    /// <summary>How long a claimed message is held by its dispatcher; longer than any send can take.</summary>
    public int LeaseSeconds { get; set; } = 300;
    /// <summary>Messages claimed per pass.</summary>
    public int BatchSize { get; set; } = 20;
}
