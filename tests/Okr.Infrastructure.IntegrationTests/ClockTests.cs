using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Okr.Infrastructure;
using Okr.Infrastructure.Time;
using Xunit;

namespace Okr.Infrastructure.IntegrationTests;

public sealed class ClockTests
{
    private static readonly DateTimeOffset Pinned = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_shifted_clock_starts_at_the_pinned_instant_and_runs_on_in_real_time()
    {
        var machine = new SteppedTimeProvider(new DateTimeOffset(2031, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var clock = new ShiftedTimeProvider(Pinned, machine);

        clock.GetUtcNow().Should().Be(Pinned);
        machine.Now += TimeSpan.FromMinutes(5);
        clock.GetUtcNow().Should().Be(Pinned.AddMinutes(5));
    }

    [Fact]
    public void Clock_Start_pins_the_products_clock_outside_Production()
    {
        var provider = DependencyInjection.ReadTimeProvider(Settings("2026-11-22T12:00:00Z"), new Environment(Environments.Development));

        provider.Should().BeOfType<ShiftedTimeProvider>().Which.Start.Should().Be(Pinned);
        (provider.GetUtcNow() - Pinned).Should().BeLessThan(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Without_Clock_Start_the_products_clock_is_the_machines()
    {
        DependencyInjection.ReadTimeProvider(Settings(null), new Environment(Environments.Production)).Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void Clock_Start_is_refused_in_Production_and_when_it_is_not_a_date()
    {
        var production = () => DependencyInjection.ReadTimeProvider(Settings("2026-11-22T12:00:00Z"), new Environment(Environments.Production));
        production.Should().Throw<InvalidOperationException>().WithMessage("*refused in Production*");

        var garbage = () => DependencyInjection.ReadTimeProvider(Settings("next tuesday"), new Environment(Environments.Development));
        garbage.Should().Throw<InvalidOperationException>().WithMessage("*not a date*");
    }

    private static IConfiguration Settings(string? start) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ShiftedTimeProvider.Setting] = start }).Build();

    private sealed class SteppedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Okr.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
