namespace Okr.Infrastructure.Time;

/// <summary>
/// The system clock moved so that it read <see cref="Start"/> when the process started, and runs on from there in
/// real time (timers, token lifetimes and elapsed times behave as usual). The setting <c>Clock:Start</c> turns it
/// on, outside Production only: the browser suite pins the instant it runs at, so that the demo data (generated
/// relative to the clock) and every status computed from it are the same on any day.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    public const string Setting = "Clock:Start";

    private readonly TimeProvider _inner;
    private readonly TimeSpan _shift;

    public ShiftedTimeProvider(DateTimeOffset start, TimeProvider? inner = null)
    {
        _inner = inner ?? System;
        Start = start.ToUniversalTime();
        _shift = Start - _inner.GetUtcNow();
    }

    public DateTimeOffset Start { get; }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + _shift;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
