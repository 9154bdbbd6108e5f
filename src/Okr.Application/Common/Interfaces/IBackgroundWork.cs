namespace Okr.Application.Common.Interfaces;

/// <summary>A scheduled job and its trigger as the scheduler's store has them.</summary>
/// <param name="State">The trigger's state (NORMAL, PAUSED, BLOCKED while running, ERROR, NONE without a trigger).</param>
public sealed record BackgroundJobView(string Name, string? Description, string Schedule, string State, DateTimeOffset? PreviousFireAt, DateTimeOffset? NextFireAt);

/// <summary>A mail written as a file because no SMTP server is configured (ADR 0021).</summary>
public sealed record MailFileView(string Name, long Size, DateTimeOffset WrittenAt, string? To, string? Subject, string? Kind);

/// <summary>What the admin page reads of the background engine: the scheduler's jobs, and the mail files (ADR 0029).</summary>
public interface IBackgroundWork
{
    Task<IReadOnlyList<BackgroundJobView>> JobsAsync(CancellationToken cancellationToken);

    /// <summary>The mail files of this organisation, newest first (none when mail goes to an SMTP server).</summary>
    Task<IReadOnlyList<MailFileView>> MailFilesAsync(Guid organizationId, int limit, CancellationToken cancellationToken);

    /// <summary>One of this organisation's mail files, as written (message/rfc822); null when there is none by that name.</summary>
    Task<byte[]?> MailFileAsync(Guid organizationId, string name, CancellationToken cancellationToken);
}
