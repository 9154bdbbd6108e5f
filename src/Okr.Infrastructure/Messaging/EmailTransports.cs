using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Okr.Infrastructure.Messaging;

/// <summary>Hands a finished message to the world: an SMTP server, or a folder of .eml files.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP with MailKit: one connection per message (the outbox sends a few at a time; nothing to pool).</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Email:Host is not set."), settings.Port, settings.TlsMode, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
            await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// No SMTP server configured: each message becomes a .eml file (open it with any mail reader) in the pickup folder,
/// written under a temporary name and then renamed, so a reader never sees half a message.
/// </summary>
public sealed class PickupFolderEmailTransport(string folder) : IEmailTransport
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
