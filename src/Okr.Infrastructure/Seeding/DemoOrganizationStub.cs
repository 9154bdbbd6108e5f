// TEMPORARY stub until the real DemoOrganization lands.
using Okr.Domain.Audit;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Units;
using Okr.Domain.Work;

namespace Okr.Infrastructure.Seeding;

public sealed record DemoUser(string Key, string Email, string DisplayName, OrganizationRole Role);

public sealed class DemoOrganization
{
    public static IReadOnlyList<DemoUser> Users { get; } = [new("admin", "admin@acme.test", "Avery Admin", OrganizationRole.Admin)];
    public static DemoOrganization Build(DateTimeOffset now, IReadOnlyDictionary<string, Guid> userIdsByKey)
    {
        var org = new Organization("Acme");
        var d = new DemoOrganization { Organization = org };
        d.People = [new Person(org.Id, userIdsByKey["admin"], "Avery Admin", "admin@acme.test", OrganizationRole.Admin)];
        d.Units = [OrgUnit.CreateCompany(org.Id, "Acme")];
        return d;
    }
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];
    public IReadOnlyList<Period> Periods { get; } = [];
    public IReadOnlyList<FocusArea> FocusAreas { get; } = [];
    public IReadOnlyList<Objective> Objectives { get; } = [];
    public IReadOnlyList<Alignment> Alignments { get; } = [];
    public IReadOnlyList<CheckIn> CheckIns { get; } = [];
    public IReadOnlyList<Initiative> Initiatives { get; } = [];
    public IReadOnlyList<Kpi> Kpis { get; } = [];
    public IReadOnlyList<Annotation> Annotations { get; } = [];
    public IReadOnlyList<Comment> Comments { get; } = [];
}
