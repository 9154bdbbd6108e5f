namespace Okr.Infrastructure.Seeding;

/// <summary>Demo data settings (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo organisation into an empty database, in Development only (elsewhere the demo accounts are deactivated at start).</summary>
    public bool Seed { get; set; } = true;

    /// <summary>The demo users' password; generated and logged at start-up when not set.</summary>
    public string? Password { get; set; }
}
