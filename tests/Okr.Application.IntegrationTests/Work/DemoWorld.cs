using Okr.Application.KeyResults.Commands.CreateKeyResult;
using Okr.Application.Objectives.Commands.CreateObjective;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Infrastructure.Seeding;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Work;

/// <summary>The demo organisation seeded into a test's empty database, and ways to act as its people.</summary>
public sealed class DemoWorld
{
    public const string CompanyObjective = "Make it easy for the right customers to buy and hard for them to go";

    private readonly TestScope _test;
    private readonly IReadOnlyDictionary<string, Guid> _userIds;

    private DemoWorld(TestScope test, DemoOrganization demo, IReadOnlyDictionary<string, Guid> userIds)
    {
        _test = test;
        Demo = demo;
        _userIds = userIds;
    }

    public DemoOrganization Demo { get; }

    public Guid OrganizationId => Demo.Organization.Id;

    public Guid CurrentPeriodId => Demo.Periods.Single(p => p.Kind == PeriodKind.Quarter && p.State == PeriodState.Active).Id;

    /// <summary>A key result of the (public) company objective of the current quarter.</summary>
    public Guid CompanyKeyResultId => Demo.Objectives.Single(o => o.Title == CompanyObjective && o.PeriodId == CurrentPeriodId)
        .KeyResults.OrderBy(k => k.SortOrder).First().Id;

    public Guid CompanyObjectiveId => Demo.Objectives.Single(o => o.Title == CompanyObjective && o.PeriodId == CurrentPeriodId).Id;

    public static async Task<DemoWorld> SeedAsync(TestScope test)
    {
        var (demo, userIds) = await test.WithDbAsync(db => DemoData.SeedAsync(db, test.Clock, ""));
        return new DemoWorld(test, demo, userIds);
    }

    /// <summary>Calls are made as this demo person ("admin", "lead", "member", "sam", …) from now on.</summary>
    public void ActAs(string key) => _test.ActAs(_userIds[key], $"{key}@acme.test");

    public Guid Unit(string name) => Demo.Units.Single(u => u.Name == name).Id;

    public Guid Person(string key) => Demo.People.Single(p => p.UserId == _userIds[key]).Id;

    /// <summary>
    /// As Morgan Member: a restricted objective of Product Engineering with one key result, invisible outside that
    /// unit and the leads above it (Product Management's lead, the admin). Leaves the caller as member.
    /// </summary>
    public async Task<(Guid ObjectiveId, Guid KeyResultId)> RestrictedKeyResultAsync()
    {
        ActAs("member");
        var objective = await _test.SendAsync(new CreateObjective
        {
            PeriodId = CurrentPeriodId, OwningUnitId = Unit("Product Engineering"), Title = "Quietly rebuild the billing engine",
            Visibility = Visibility.Restricted,
        });
        var keyResult = await _test.SendAsync(new CreateKeyResult
        {
            ObjectiveId = objective.Id, Title = "Invoices produced by the new engine rise", MetricKind = MetricKind.Percentage,
            Baseline = 0, Target = 100, BaselineMethod = "Billing logs",
        });
        return (objective.Id, keyResult.Id);
    }
}
