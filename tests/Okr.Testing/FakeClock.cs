using Okr.Application.Common.Interfaces;

namespace Okr.Testing;

/// <summary>A clock the test sets. Defaults to mid-quarter, 2026-11-22 12:00 UTC.</summary>
public sealed class FakeClock : IClock
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset UtcNow { get; set; } = DefaultNow;

    public void Advance(TimeSpan by) => UtcNow += by;
}
