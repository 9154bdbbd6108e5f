using System.Globalization;
using Okr.Domain.Computations;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Units;
using Okr.Domain.Work;

namespace Okr.Infrastructure.Seeding;

/// <summary>A person of the demo organisation. <see cref="Key"/> names the person in <c>userIdsByKey</c>.</summary>
public sealed record DemoUser(string Key, string Email, string DisplayName, OrganizationRole Role);

/// <summary>
/// The demo organisation of okr-domain.md ("The demo organisation"): the sample company of the
/// "SAMPLE OKRs" article (Acme), the support and product-success team OKRs, a closed previous quarter with
/// grades, retrospectives and a roll-over, weekly check-ins with narratives, initiatives, KPIs, annotations
/// and comments. A pure builder: every object is made through the domain constructors and methods, so every
/// invariant holds; nothing is saved. Everything is dated relative to <c>now</c> and deterministic, and works
/// for any <c>now</c> (first hour of a quarter, its last day, a quarter whose neighbour is in another year).
/// </summary>
public sealed class DemoOrganization
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The domain of every demo account (reserved by RFC 2606: nobody real has an address there).</summary>
    public const string EmailDomain = "acme.test";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("admin", "admin@acme.test", "Avery Admin", OrganizationRole.Admin),
        new("lead", "lead@acme.test", "Lee Lead", OrganizationRole.Member),
        new("member", "member@acme.test", "Morgan Member", OrganizationRole.Member),
        new("dana", "dana@acme.test", "Dana Whitfield", OrganizationRole.Member),
        new("priya", "priya@acme.test", "Priya Raman", OrganizationRole.Member),
        new("sam", "sam@acme.test", "Sam Okafor", OrganizationRole.Member),
        new("jorge", "jorge@acme.test", "Jorge Alvarez", OrganizationRole.Member),
        new("dev", "dev@acme.test", "Dev Malhotra", OrganizationRole.Member),
        new("chris", "chris@acme.test", "Chris Lindqvist", OrganizationRole.Member),
        new("nina", "nina@acme.test", "Nina Kowalski", OrganizationRole.Member),
    ];

    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly Dictionary<string, Person> _peopleByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgUnit> _unitsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FocusArea> _focusByTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Dictionary<DateOnly, decimal>> _valuesByKeyResult = [];
    private readonly List<Person> _people = [];
    private readonly List<OrgUnit> _units = [];
    private readonly List<Period> _periods = [];
    private readonly List<FocusArea> _focusAreas = [];
    private readonly List<Objective> _objectives = [];
    private readonly List<Alignment> _alignments = [];
    private readonly List<CheckIn> _checkIns = [];
    private readonly List<Initiative> _initiatives = [];
    private readonly List<Kpi> _kpis = [];
    private readonly List<Annotation> _annotations = [];
    private readonly List<Comment> _comments = [];
    private readonly List<Plan> _currentPlans = [];

    private Dictionary<string, KeyResult> _keyResultsByName = [];
    private Dictionary<string, Objective> _objectivesByName = [];
    private List<KeyResult> _previousKeyResults = [];
    private Period _previousQuarter = null!;
    private Period _currentQuarter = null!;
    private Kpi _passwordResetKpi = null!;
    private Kpi _integrationKpi = null!;
    private Kpi _wauKpi = null!;
    private Kpi _inboundKpi = null!;

    private DemoOrganization(DateTimeOffset now)
    {
        _now = now;
        _today = DateOnly.FromDateTime(now.UtcDateTime);
        Organization = new Organization("Acme");
    }

    public Organization Organization { get; }
    public IReadOnlyList<Person> People => _people;
    public IReadOnlyList<OrgUnit> Units => _units;
    public IReadOnlyList<Period> Periods => _periods;
    public IReadOnlyList<FocusArea> FocusAreas => _focusAreas;
    public IReadOnlyList<Objective> Objectives => _objectives;
    public IReadOnlyList<Alignment> Alignments => _alignments;
    public IReadOnlyList<CheckIn> CheckIns => _checkIns;
    public IReadOnlyList<Initiative> Initiatives => _initiatives;
    public IReadOnlyList<Kpi> Kpis => _kpis;
    public IReadOnlyList<Annotation> Annotations => _annotations;
    public IReadOnlyList<Comment> Comments => _comments;

    private OrganizationSettings Settings => Organization.Settings;

    /// <summary>Builds the demo organisation as it stands at <paramref name="now"/>.</summary>
    /// <param name="userIdsByKey">The sign-in identity of each of <see cref="Users"/>, by key.</param>
    public static DemoOrganization Build(DateTimeOffset now, IReadOnlyDictionary<string, Guid> userIdsByKey)
    {
        ArgumentNullException.ThrowIfNull(userIdsByKey);
        var missing = Users.Where(u => !userIdsByKey.TryGetValue(u.Key, out var id) || id == Guid.Empty).Select(u => u.Key).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"No user id for the demo users: {string.Join(", ", missing)}.", nameof(userIdsByKey));

        var demo = new DemoOrganization(now);
        demo.AddPeople(userIdsByKey);
        demo.AddUnits();
        demo.AddPeriods();
        demo.AddFocusAreas();
        var rolledOver = demo.AddPreviousQuarter();
        demo.AddCurrentQuarter(rolledOver);
        demo.RecordCurrentCheckIns();
        var passwordFlowShipped = demo.PasswordFlowShipped;
        demo.AddInitiatives(passwordFlowShipped);
        demo.AddKpisAndAnnotations(passwordFlowShipped);
        demo.AddKpiValues(passwordFlowShipped);
        demo.AddComments();
        return demo;
    }

    // ------------------------------------------------------------------ people and units

    private void AddPeople(IReadOnlyDictionary<string, Guid> userIdsByKey)
    {
        foreach (var user in Users)
        {
            var person = new Person(Organization.Id, userIdsByKey[user.Key], user.DisplayName, user.Email, user.Role);
            _people.Add(person);
            _peopleByKey.Add(user.Key, person);
        }
    }

    private Guid P(string key) => _peopleByKey[key].Id;

    private OrgUnit U(string name) => _unitsByName[name];

    private void AddUnits()
    {
        var company = Add(OrgUnit.CreateCompany(Organization.Id, "Acme"));
        var marketing = Add(OrgUnit.CreateChild(company, "Marketing", UnitKind.Department));
        var productManagement = Add(OrgUnit.CreateChild(company, "Product Management", UnitKind.Department));
        var globalSales = Add(OrgUnit.CreateChild(company, "Global Sales", UnitKind.Department));
        var customerMarketing = Add(OrgUnit.CreateChild(marketing, "Customer Marketing", UnitKind.Department));
        var productEngineering = Add(OrgUnit.CreateChild(productManagement, "Product Engineering", UnitKind.Department));
        var usSales = Add(OrgUnit.CreateChild(globalSales, "US Sales", UnitKind.Department));
        var support = Add(OrgUnit.CreateChild(company, "Customer Support", UnitKind.Team));
        var productSuccess = Add(OrgUnit.CreateChild(productManagement, "Product Success", UnitKind.Team));

        company.AddMember(P("admin"), UnitRole.Lead);
        company.AddMember(P("dana"), UnitRole.Member);
        company.AddMember(P("lead"), UnitRole.Member);
        company.AddMember(P("sam"), UnitRole.Member);
        marketing.AddMember(P("dana"), UnitRole.Lead);
        marketing.AddMember(P("priya"), UnitRole.Member);
        customerMarketing.AddMember(P("priya"), UnitRole.Lead);
        productManagement.AddMember(P("lead"), UnitRole.Lead);
        productManagement.AddMember(P("nina"), UnitRole.Member);
        productEngineering.AddMember(P("dev"), UnitRole.Lead);
        productEngineering.AddMember(P("member"), UnitRole.Member);
        globalSales.AddMember(P("sam"), UnitRole.Lead);
        globalSales.AddMember(P("jorge"), UnitRole.Member);
        usSales.AddMember(P("jorge"), UnitRole.Lead);
        support.AddMember(P("chris"), UnitRole.Lead);
        productSuccess.AddMember(P("nina"), UnitRole.Lead);

        OrgUnit Add(OrgUnit unit)
        {
            _units.Add(unit);
            _unitsByName.Add(unit.Name, unit);
            return unit;
        }
    }

    // ------------------------------------------------------------------ periods

    private void AddPeriods()
    {
        var fyStartMonth = Settings.FiscalYearStartMonth;
        var currentQuarterStart = QuarterStartOf(_today, fyStartMonth);
        var previousQuarterStart = currentQuarterStart.AddMonths(-3);
        var nextQuarterStart = currentQuarterStart.AddMonths(3);

        var currentYearStart = FiscalYearStartOf(_today, fyStartMonth);
        var currentYear = Year(currentYearStart);
        Period? previousYear = null;
        Period? nextYear = null;
        if (previousQuarterStart < currentYearStart)
            previousYear = Year(currentYearStart.AddYears(-1));
        if (nextQuarterStart > currentYear.End)
            nextYear = Year(currentYearStart.AddYears(1));

        _previousQuarter = Quarter(previousQuarterStart, previousYear ?? currentYear);
        _currentQuarter = Quarter(currentQuarterStart, currentYear);
        var nextQuarter = Quarter(nextQuarterStart, nextYear ?? currentYear);

        foreach (var year in new[] { previousYear, currentYear, nextYear })
            if (year is not null) _periods.Add(year);
        _periods.Add(_previousQuarter);
        _periods.Add(_currentQuarter);
        _periods.Add(nextQuarter);

        previousYear?.MoveTo(PeriodState.Active);
        currentYear.MoveTo(PeriodState.Active);
        _previousQuarter.MoveTo(PeriodState.Active);
        _currentQuarter.MoveTo(PeriodState.Active);

        foreach (var quarter in new[] { _previousQuarter, _currentQuarter, nextQuarter })
            quarter.AddDefaultRoadmap();
        // The previous quarter is marked done in full when it closes; the next one has not begun.
        foreach (var checkpoint in _currentQuarter.Checkpoints.Where(c => c.Date < _today).ToList())
            _currentQuarter.MarkCheckpoint(checkpoint.Id, true);

        Period Year(DateOnly start)
        {
            var end = start.AddYears(1).AddDays(-1);
            return new Period(Organization.Id, string.Create(Invariant, $"FY{end.Year}"), PeriodKind.Year, start, end);
        }

        Period Quarter(DateOnly start, Period year)
        {
            var number = ((start.Month - fyStartMonth + 12) % 12 / 3) + 1;
            return new Period(Organization.Id, string.Create(Invariant, $"Q{number} {year.End.Year}"), PeriodKind.Quarter,
                start, start.AddMonths(3).AddDays(-1), year);
        }
    }

    private static DateOnly FiscalYearStartOf(DateOnly day, int startMonth) =>
        new(day.Month >= startMonth ? day.Year : day.Year - 1, startMonth, 1);

    private static DateOnly QuarterStartOf(DateOnly day, int startMonth)
    {
        var yearStart = FiscalYearStartOf(day, startMonth);
        var monthsIn = ((day.Year - yearStart.Year) * 12) + day.Month - yearStart.Month;
        return yearStart.AddMonths(monthsIn / 3 * 3);
    }

    private Period CurrentYear => _periods.First(p => p.Kind == PeriodKind.Year && p.Contains(_today));

    private void AddFocusAreas()
    {
        var year = CurrentYear;
        Add("Win the CMO",
            "Make Acme the tool a CMO opens every morning: the experiences, capabilities and conversations that earn the CMO's trust.");
        Add("Retain and expand Tier 1 and 2",
            "Concentrate on the customers who get the most value from us: keep them, grow them, and win more like them.");
        Add("Operational excellence",
            "Run the business so it scales: fewer avoidable tickets, fewer manual steps, cleaner handoffs between teams.");

        void Add(string title, string description)
        {
            var area = new FocusArea(Organization.Id, year.Id, title, description);
            _focusAreas.Add(area);
            _focusByTitle.Add(title, area);
        }
    }

    // ------------------------------------------------------------------ the previous quarter (closed)

    /// <summary>The support and product-success OKRs of the previous quarter; returns the rolled-over draft.</summary>
    private Objective AddPreviousQuarter()
    {
        var pq = _previousQuarter;
        var created = At(pq.Start.AddDays(-10), 9);
        var activated = At(pq.Start.AddDays(-1), 16);
        var baselineDay = pq.Start.AddDays(-1);

        var support = NewObjective(pq, created, new ObjectiveDetails(
            "Reduce the number of support tickets around common queries", U("Customer Support").Id, ObjectiveType.Committed,
            Description: "Customers are frustrated by password resets and integration setup. Removing that friction should make renewals easier.",
            OwnerId: P("chris"),
            SuccessCriteria: "Customers stop needing us for routine account and integration questions.",
            TargetAudience: "Every customer admin, starting with Tier 1 and 2 accounts.",
            Dependencies: "Product Engineering for a self-serve password-reset flow."));
        var passwordResets = support.AddKeyResult(new KeyResultDetails(
            "10% reduction in password reset tickets", U("Customer Support").Id,
            new Measure(MetricKind.Number, Direction.Decrease, 420, 378), P("chris"),
            UnitLabel: "tickets/month", BaselineMeasuredAt: baselineDay,
            BaselineMethod: "Zendesk: tickets tagged password-reset created in the 30 days before the quarter started."), pq);
        var integrations = support.AddKeyResult(new KeyResultDetails(
            "10% reduction in integration-related tickets", U("Customer Support").Id,
            new Measure(MetricKind.Number, Direction.Decrease, 260, 234), P("chris"),
            UnitLabel: "tickets/month", BaselineMeasuredAt: baselineDay,
            BaselineMethod: "Zendesk: tickets tagged integration-* created in the 30 days before the quarter started."), pq);

        var adoption = NewObjective(pq, created.AddHours(2), new ObjectiveDetails(
            "Increase adoption of product A", U("Product Success").Id, ObjectiveType.Aspirational,
            Description: "Customers who find the interface hard avoid the product and then cancel. Make product A easy to come back to.",
            OwnerId: P("nina"),
            SuccessCriteria: "More licensed users come back to product A every month.",
            TargetAudience: "Licensed users of product A."));
        var monthlyActive = adoption.AddKeyResult(new KeyResultDetails(
            "Increase % of monthly active users from 10% to 10.5%", U("Product Success").Id,
            new Measure(MetricKind.Percentage, Direction.Increase, 10m, 10.5m), P("nina"),
            UnitLabel: "% MAU", BaselineMeasuredAt: baselineDay,
            BaselineMethod: "Pendo: product A monthly active users ÷ licensed seats, 30-day window ending the day before the quarter."), pq);

        support.Activate(pq, activated);
        adoption.Activate(pq, activated.AddMinutes(30));

        // Weekly check-ins during the quarter, then the final month-end numbers once it has ended (in review).
        var weekly = new List<Slot>();
        for (var day = pq.Start.AddDays(7); day < pq.End; day = day.AddDays(7))
            weekly.Add(new Slot(day, At(day, 10)));
        var final = new Slot(pq.End, NotAfterNow(At(pq.End.AddDays(1), 10)));
        var slots = weekly.Append(final).ToList();

        var plans = new[]
        {
            new Plan(passwordResets, support, "chris", new Track(Design.AtRisk, Step: 1, Seed: 3,
                Notes:
                [
                    "Zendesk, trailing 30 days. Macro replies are faster, but the volume hardly changes.",
                    "Help-center article on resets is published; watching how much it deflects.",
                    "Still waiting on engineering for a self-serve reset flow; that is the real fix.",
                    "SSO for two Tier 1 customers removed their reset tickets entirely.",
                ],
                DipNote: "A login incident mid-week sent a wave of customers to the reset page.",
                Blocker: "The self-serve reset flow is not on the engineering roadmap this quarter.",
                NextSteps: ["Make the case for the reset flow at the roadmap review.", "Add the reset article link to the login error page."]),
                FinalProgress: 25.0 / 42),
            new Plan(integrations, support, "chris", new Track(Design.OnTrack, Step: 1, Seed: 1,
                Notes:
                [
                    "Integration setup checklist now goes to every new customer admin.",
                    "Salesforce connector docs rewritten; tickets on field mapping are dropping.",
                    "Video walkthroughs for the three most common integrations are live.",
                    "Onboarding calls now include a ten-minute integration check.",
                ],
                DipNote: "A breaking change in a partner's API brought a burst of sync tickets this week.",
                NextSteps: ["Add the checklist to the onboarding email sequence.", "Record a walkthrough for the HubSpot connector."]),
                FinalProgress: 29.0 / 26),
            new Plan(monthlyActive, adoption, "nina", new Track(Design.OnTrack, Step: 0.1m, Seed: 5,
                Notes:
                [
                    "Pendo: product A MAU over licensed seats.",
                    "Simplified navigation experiment is live for new users.",
                    "In-app checklist nudges are lifting second-week usage.",
                    "Customers who finish the checklist come back twice as often.",
                ],
                DipNote: "Holiday week: usage dipped across every product, not only A.",
                NextSteps: ["Roll the simplified navigation out to all users.", "Interview three admins whose teams stopped using A."]),
                FinalProgress: 0.6 / 0.5),
        };

        var fractions = slots.Select(s => Fraction(pq, s.At)).ToList();
        var valuesByPlan = plans.Select(plan => (Plan: plan, Values: PlanValues(plan, fractions, plan.FinalProgress ?? 1, finalOk: null))).ToList();
        foreach (var (plan, values) in valuesByPlan)
        {
            for (var i = 0; i < weekly.Count; i++)
                Record(plan, pq, weekly[i], values[i], i, slots.Count, values, i == 0 ? plan.KeyResult.Baseline : values[i - 1]);
        }

        // The quarter has ended: in review, the final numbers arrive, then grading and close.
        pq.MoveTo(PeriodState.Review);
        foreach (var (plan, values) in valuesByPlan)
        {
            var i = slots.Count - 1;
            Record(plan, pq, final, values[i], i, slots.Count, values, i == 0 ? plan.KeyResult.Baseline : values[i - 1],
                note: "Month-end numbers are in: this is the final figure for the quarter.");
        }

        // Grade every key result, then close each objective with the weighted mean of its grades.
        var closedAt = NotAfterNow(At(pq.End.AddDays(2), 9));
        foreach (var objective in new[] { support, adoption })
        {
            foreach (var keyResult in objective.LiveKeyResults)
                keyResult.GradeAtClose();
            objective.Close(Grading.GradeObjective(objective.LiveKeyResults.Select(k => new WeightedScore(k.FinalGrade ?? 0, k.Weight))), closedAt);
        }

        var retroAt = NotAfterNow(At(pq.End.AddDays(5), 15));
        support.WriteRetrospective(
            "Integration tickets fell more than 10% after the setup checklist and the rewritten connector docs. Deflection through the help center works.",
            "Documentation cannot fix password resets: the flow itself creates the tickets, and we depended on an engineering change we did not control.",
            "Roll the password-reset key result over, and agree the engineering date for the new reset flow before the quarter starts.",
            P("chris"), retroAt);
        adoption.WriteRetrospective(
            "Monthly active users reached 10.6% against a 10.5% target; simplified navigation and the in-app checklist both helped.",
            "Second-week usage predicts monthly activity better than sign-ups do.",
            "Be more ambitious next quarter and focus on Tier 1 CMOs; track time to first dashboard.",
            P("nina"), NotAfterNow(retroAt.AddMinutes(45)));

        // The unfinished objective rolls over into the current quarter, carrying its unfinished key results.
        var rolled = support.RollOver(pq, _currentQuarter, k => k.Progress, closedAt);
        _objectives.Add(rolled);

        pq.MoveTo(PeriodState.Closed);
        foreach (var checkpoint in pq.Checkpoints.Where(c => c.Date <= _today).ToList())
            pq.MarkCheckpoint(checkpoint.Id, true);
        var previousYear = _periods.FirstOrDefault(p => p.Kind == PeriodKind.Year && p.Id == pq.ParentId && p.End < _today);
        if (previousYear is not null)
        {
            previousYear.MoveTo(PeriodState.Review);
            previousYear.MoveTo(PeriodState.Closed);
        }
        return rolled;
    }

    // ------------------------------------------------------------------ the current quarter

    private void AddCurrentQuarter(Objective rolledSupport)
    {
        var cq = _currentQuarter;
        var qs = cq.Start;
        var baselineDay = _previousQuarter.End;
        var pqName = _previousQuarter.Name;
        var activatedAt = At(qs.AddDays(-1), 16);
        var alignedAt = At(qs.AddDays(-1), 17);

        // --- Company
        var company = NewObjective(cq, At(qs.AddDays(-16), 9), new ObjectiveDetails(
            "Make it easy for the right customers to buy and hard for them to go", U("Acme").Id, ObjectiveType.Aspirational,
            Description: "We are changing who we sell to: Tier 1 and 2 companies whose CMOs get value from Acme every day. Every team localises this objective in its own words.",
            OwnerId: P("admin"), FocusAreaId: Focus("Retain and expand Tier 1 and 2"),
            SuccessCriteria: "Tier 1 and 2 customers use us every week, bring most of our ARR, and renew.",
            TargetAudience: "Everyone at Acme.",
            Risks: "Sales capacity is still skewed towards smaller accounts; Tier 3 revenue may dip before Tier 1 and 2 growth lands.",
            Dependencies: "Pendo instrumentation of the CMO use cases (Product Management)."));
        company.SetRaci([(P("admin"), RaciRole.Accountable), (P("sam"), RaciRole.Responsible), (P("dana"), RaciRole.Responsible),
            (P("lead"), RaciRole.Responsible), (P("dev"), RaciRole.Consulted), (P("chris"), RaciRole.Informed)], cq);
        var activeWeekly = AddKr(company, "75% of Tier 1 and 2 customers are active weekly", "Product Management", "lead",
            new Measure(MetricKind.Percentage, Direction.Increase, 61, 75), "% of accounts", baselineDay,
            $"Pendo: share of Tier 1–2 accounts with at least one active user in the week, averaged over the last four weeks of {pqName}.",
            new Track(Design.OnTrack, Pace: 1.12, Step: 0.1m, Seed: 1,
                Notes:
                [
                    "Accounts using the new CMO home page are the ones moving.",
                    "The gain came mostly from Tier 2 accounts in last month's onboarding cohort.",
                    "The weekly digest email now links straight into dashboards; click-through is up.",
                    "Customer Success is running activation calls with the quiet Tier 1 accounts.",
                ],
                DipNote: "Two large Tier 1 accounts went quiet during their fiscal close; we expect them back next week.",
                NextSteps: ["Review the inactive Tier 1 list with Customer Success on Monday.", "Share the cohort breakdown at the mid-quarter review."]));
        var arrMix = AddKr(company, "85% of ARR comes from customers in Tiers 1 and 2 segments", "Global Sales", "sam",
            new Measure(MetricKind.Percentage, Direction.Increase, 78, 85), "% of ARR", baselineDay,
            $"Salesforce ARR-by-segment report on the last day of {pqName}, segments per the Tier model v2.",
            new Track(Design.AtRisk, Pace: 0.8, Step: 0.1m, Seed: 2,
                Notes:
                [
                    "Tier 1–2 new logos are closing, but at smaller first-year values than we modelled.",
                    "One Tier 1 expansion moved to next month, so the mix barely moved.",
                    "The Globex expansion booked and lifted the mix.",
                    "Tier 3 inbound now goes to the self-serve team, so new sales time lands on Tier 1–2.",
                ],
                DipNote: "Two Tier 3 renewals landed bigger than planned and diluted the mix.",
                Blocker: "Two Tier 1 expansions are waiting on the customers' security reviews.",
                NextSteps: ["Executive sponsor calls on both stalled Tier 1 expansions.", "Route Tier 3 inbound to the self-serve team."]));
        var retention = AddKr(company, "96% revenue retention of T1/2 customers", "Customer Marketing", "priya",
            new Measure(MetricKind.Percentage, Direction.Increase, 93.8m, 96), "% NRR", baselineDay,
            $"Finance: trailing-twelve-month revenue retention of Tier 1–2 accounts from the billing system, books closed for {pqName}.",
            new Track(Design.OnTrack, Pace: 1.2, Step: 0.1m, Seed: 3,
                Notes:
                [
                    "Finance closed the month: no Tier 1 churn and one small contraction.",
                    "This month's renewal cohort renewed at full value.",
                    "The save desk rescued the Initech renewal.",
                    "Two upsells more than offset a Tier 2 seat reduction.",
                ],
                DipNote: "A Tier 2 account cut seats after a reorganisation; we are working on the expansion path with them."),
            isFinancial: true);
        var releaseCadence = AddKr(company, "Release CMO notable quality-of-life features every two weeks into production", "Product Engineering", "dev",
            new Measure(MetricKind.Number, Direction.Increase, 0, 6), "fortnights", qs.AddDays(-1),
            "Count of this quarter's two-week release windows that shipped a notable CMO quality-of-life feature (release notes tagged CMO).",
            new Track(Design.OnTrack, Pace: 1.15, Step: 1, Cumulative: true, Seed: 4,
                Notes:
                [
                    "Release notes tagged CMO: bulk export of campaign reports shipped.",
                    "Saved filters on CMO dashboards are in production.",
                    "No CMO feature in this week's train; the next one is on schedule for Tuesday.",
                    "Scheduled PDF reports for CMOs shipped on time.",
                ]));

        // --- Marketing
        var marketing = NewObjective(cq, At(qs.AddDays(-10), 10), new ObjectiveDetails(
            "Marketing enables Customer Success as much as it does Sales", U("Marketing").Id, ObjectiveType.Committed,
            Description: "Marketing's job does not stop at the signature: the customers we keep are the ones we keep talking to.",
            OwnerId: P("dana"), FocusAreaId: Focus("Retain and expand Tier 1 and 2"),
            SuccessCriteria: "Customer Success asks Marketing for help as naturally as Sales does."));
        var commsPlan = AddKr(marketing, "Every CMO quality of life feature released will have a quality customer communication plan executed", "Marketing", "dana",
            new Measure(MetricKind.Percentage, Direction.StayAtLeast, 50, 100), "% of releases", baselineDay, baselineMethod: null,
            new Track(Design.OnTrack, Hold: [100, 100, 100, 50, 100, 100, 100], Seed: 5,
                Notes:
                [
                    "Every CMO feature released so far went out with a release email, an in-app guide and a CSM brief.",
                    "Comms for saved filters went out the same day as the release.",
                    "CSMs say the one-page brief is what they actually use in calls.",
                ],
                DipNote: "The scheduled-reports release slipped its comms by a week: the plan was ready, the in-app guide was not.",
                NextSteps: ["Draft comms as soon as a feature enters the release train, not when it ships."]));
        var inboundScore = AddKr(marketing, "Increase cubist score of inbounds from 43 to 50", "Marketing", "dana",
            new Measure(MetricKind.Number, Direction.Increase, 43, 50), "score", baselineDay,
            $"HubSpot: mean cubist fit score of inbound leads created in the last 30 days of {pqName}.",
            new Track(Design.AtRisk, Pace: 0.8, Step: 0.1m, Seed: 6,
                Notes:
                [
                    "Paid social now excludes companies under 500 employees.",
                    "Partner-sourced leads score well, but the volume is small.",
                    "The scoring-model refresh from RevOps is still pending; numbers are on the old model.",
                ],
                DipNote: "A webinar promoted to a Tier 3-heavy list pulled the average down.",
                Blocker: "The new ICP fields in HubSpot are empty for a third of inbound leads.",
                NextSteps: ["Ask RevOps to backfill the ICP fields.", "Pause the two lowest-scoring channels."]));
        var amConversations = AddKr(marketing, "Targeted one-to-few campaigns at low usage enterprises drive 10 account management conversations per month", "Marketing", "priya",
            new Measure(MetricKind.Number, Direction.Increase, 3, 10), "conversations/month", baselineDay,
            $"Salesforce: account-management meetings logged with campaign source one-to-few in the last full month of {pqName}.",
            new Track(Design.OffTrack, Pace: 0.4, Step: 1, Seed: 7,
                Notes:
                [
                    "Only the pilot campaign has run so far; it produced a handful of meetings.",
                    "The campaign list is still waiting on the low-usage segment export.",
                    "Account managers are booking meetings, but most come from their own outreach, not the campaign.",
                ],
                DipNote: "Two meetings from the pilot were rescheduled into next month.",
                Blocker: "No usage-segment export from the data team yet, so we cannot target low-usage enterprises.",
                NextSteps: ["Use the Pendo account list as a stopgap and launch two campaigns next week.", "Escalate the export at the marketing staff meeting."]));

        // --- Product Management
        var productManagement = NewObjective(cq, At(qs.AddDays(-10), 11), new ObjectiveDetails(
            "Define the CMO delight experiences and thread them through journey maps and road maps", U("Product Management").Id, ObjectiveType.Aspirational,
            Description: "Know exactly which moments make a CMO love Acme, and make every roadmap item trace back to one of them.",
            OwnerId: P("lead"), FocusAreaId: Focus("Win the CMO"),
            SuccessCriteria: "Every roadmap item for next quarter names the CMO experience it improves.",
            Dependencies: "Engineering time for Pendo instrumentation; CMO introductions from Customer Success."));
        productManagement.SetRaci([(P("lead"), RaciRole.Accountable), (P("nina"), RaciRole.Responsible), (P("member"), RaciRole.Responsible),
            (P("dev"), RaciRole.Consulted), (P("jorge"), RaciRole.Consulted), (P("dana"), RaciRole.Informed)], cq);
        var instrument = AddKr(productManagement, "Instrument CMO use cases in Pendo so we can measure use next quarter", "Product Engineering", "member",
            Measure.Milestone(), null, null, null,
            new Track(Design.OnTrack, MilestoneAt: 0.22, Seed: 8,
                Notes:
                [
                    "Event spec for the five CMO use cases agreed with Product Management.",
                    "Tracking code for dashboards and drilldowns is in review.",
                    "Events are flowing in staging; validating them against FullStory sessions.",
                ],
                DoneNote: "All five CMO use cases are tracked in Pendo in production, with a shared dashboard.",
                AfterNote: "Instrumentation is stable; the weekly data-quality checks pass."));
        var fullStory = AddKr(productManagement, "4 FullStory sessions per PM per week", "Product Management", "lead",
            new Measure(MetricKind.Number, Direction.Increase, 1.5m, 4), "sessions/PM/week", baselineDay,
            $"FullStory: sessions watched and tagged by each PM, averaged over the last four weeks of {pqName}.",
            new Track(Design.OnTrack, Pace: 1.2, Step: 0.1m, Seed: 9,
                Notes:
                [
                    "Average across five PMs; two of them now block Friday mornings for session reviews.",
                    "Tagging sessions by persona makes them easy to share in roadmap reviews.",
                    "Session clips are now part of every feature kickoff.",
                ],
                DipNote: "Planning week ate into review time; back to the routine next week."));
        var buyIn = AddKr(productManagement, "Get Dev and Jorge's buy in on the personas and use cases for LMNOP", "Product Management", "lead",
            Measure.Milestone(), null, null, null,
            new Track(Design.OnTrack, MilestoneAt: 0.15, Seed: 10,
                Notes:
                [
                    "Draft personas shared with Dev and Jorge; a review session is booked.",
                    "Jorge wants the Tier 2 CMO persona split by company size.",
                ],
                DoneNote: "Dev and Jorge signed off the personas and the LMNOP use cases at the product council.",
                AfterNote: "Personas are now referenced in every LMNOP roadmap item."));
        var cmoFeedback = AddKr(productManagement, "Get direct feedback from 7 CMOs on the prototype of CMO dashboards and drilldowns 2.0", "Product Management", "nina",
            new Measure(MetricKind.Number, Direction.Increase, 0, 7), "CMOs", qs.AddDays(-1),
            "Count of recorded feedback sessions with CMOs on the 2.0 prototype, from the research repository.",
            new Track(Design.OnTrack, Pace: 1.15, Step: 1, Cumulative: true, Seed: 11,
                Notes:
                [
                    "Feedback sessions are recorded in the research repository.",
                    "CMOs love the drilldowns; the attribution view confused two of them.",
                    "Scheduling is the hard part: CMOs book three to four weeks out.",
                    "Customer Success introduced us to two more CMOs.",
                ],
                NextSteps: ["Simplify the attribution view before the next sessions."]));

        // --- Global Sales
        var globalSales = NewObjective(cq, At(qs.AddDays(-10), 12), new ObjectiveDetails(
            "Engage the right customers and make it simple for them to buy from us", U("Global Sales").Id, ObjectiveType.Committed,
            Description: "Spend our selling time on Tier 1 and 2 accounts and take the friction out of buying.",
            OwnerId: P("sam"), FocusAreaId: Focus("Retain and expand Tier 1 and 2"),
            Risks: "Deal sizes in the new segments are larger and cycles longer; the quarter may back-load."));
        var salesArrMix = AddKr(globalSales, "85% of ARR comes from customers in Tiers 1 and 2 segments", "Global Sales", "sam",
            new Measure(MetricKind.Percentage, Direction.Increase, 78, 85), "% of ARR", baselineDay,
            $"Salesforce ARR-by-segment report on the last day of {pqName}, segments per the Tier model v2.",
            new Track(Design.AtRisk, Pace: 0.8, Step: 0.1m, Seed: 2,
                Notes:
                [
                    "Same number as the company key result; Tier 1–2 pipeline is 1.4× last quarter's.",
                    "Tier 3 inbound deals now go to the self-serve team, which helps the mix.",
                    "One Tier 1 deal slipped a month.",
                ],
                DipNote: "Two Tier 3 renewals landed bigger than planned.",
                Blocker: "Two Tier 1 expansions are waiting on the customers' security reviews.",
                NextSteps: ["Executive sponsor calls on the two slipped expansions."]));
        var closeRatio = AddKr(globalSales, "Account to close ratio from .51 to .7", "Global Sales", "sam",
            new Measure(MetricKind.Number, Direction.Increase, 0.51m, 0.70m), "ratio", baselineDay,
            "Salesforce: closed-won accounts ÷ accounts with a qualified opportunity, trailing 90 days.",
            new Track(Design.OnTrack, Pace: 1.1, Step: 0.01m, Seed: 12,
                Notes:
                [
                    "Fewer, better-qualified opportunities are paying off.",
                    "The qualification checklist is now mandatory before stage 2.",
                    "Closed three Tier 1 accounts this week.",
                ],
                DipNote: "Two late-stage losses to a competitor on price pulled the ratio down."));
        var discountFloor = AddKr(globalSales, "95% of deals are above discount floor", "Global Sales", "sam",
            new Measure(MetricKind.Percentage, Direction.StayAtLeast, 91, 95), "% of deals", baselineDay,
            $"CPQ: share of closed-won deals priced above the discount floor in {pqName}.",
            new Track(Design.OnTrack, Hold: [93.5m, 95.2m, 96.0m, 94.8m, 96.4m, 97.1m, 96.3m], Seed: 13,
                Notes:
                [
                    "CPQ report; the deal desk reviewed every exception.",
                    "Deal desk approval is now required below the floor.",
                    "Reps are using the value calculator instead of discounting.",
                ],
                DipNote: "One month-end deal went below the floor with CRO approval; the reason is logged on the deal."));
        var handoffs = AddKr(globalSales, "Handoff scores average 4 or better", "Global Sales", "sam",
            new Measure(MetricKind.Number, Direction.StayAtLeast, 3.7m, 4), "score (1–5)", baselineDay,
            $"Gainsight: Customer Success rates every sales-to-CS handoff from 1 to 5; mean over {pqName}.",
            new Track(Design.OnTrack, Hold: [4.1m, 4.0m, 4.2m, 4.3m, 3.9m, 4.4m, 4.2m], Seed: 14,
                Notes:
                [
                    "CSMs like the new handoff template.",
                    "Fewer handoffs arrive without a success plan.",
                    "Joint handoff calls are now the default for Tier 1.",
                ],
                DipNote: "Two rushed quarter-end handoffs scored 3; we walked both through the template again."));
        var demoScore = AddKr(globalSales, "Average cubist demo score goes from 62 to 70", "Global Sales", "jorge",
            new Measure(MetricKind.Number, Direction.Increase, 62, 70), "score", baselineDay, baselineMethod: null,
            new Track(Design.Stale, Pace: 1.0, Step: 0.5m, Seed: 15,
                Notes:
                [
                    "Demo scoring by the enablement team; the new demo script helps.",
                    "Scores are up for reps who finished the CMO training.",
                    "Peer demo reviews on Thursdays are tightening the discovery section.",
                ],
                DipNote: "This week's scored demos were all Tier 1, a tougher audience."));

        // --- US Sales
        var usSales = NewObjective(cq, At(qs.AddDays(-9), 9), new ObjectiveDetails(
            "Build skills for executive conversations and credibility with the right customers", U("US Sales").Id, ObjectiveType.Committed,
            Description: "A CMO buys from someone who understands the CMO's problems. Every US seller can hold that conversation.",
            OwnerId: P("jorge"), FocusAreaId: Focus("Win the CMO")));
        var training = AddKr(usSales, "Every seller completes T1/T2 CMO buyer training and demo check out", "US Sales", "jorge",
            new Measure(MetricKind.Percentage, Direction.Increase, 0, 100), "% of sellers", qs.AddDays(-1),
            "LMS completions plus demo check-outs signed off by enablement, for all 24 quota-carrying US sellers.",
            new Track(Design.OnTrack, Pace: 1.2, Step: 1, Cumulative: true, Seed: 16,
                Notes:
                [
                    "LMS completions plus demo check-outs signed off by enablement.",
                    "The second cohort finished the buyer training this week.",
                    "Demo check-outs are the bottleneck: two enablement reviewers for 24 sellers.",
                ],
                NextSteps: ["Add two frontline managers as demo check-out reviewers."]));
        var cmoDemos = AddKr(usSales, "80% of our demos are with CMOs in T1/T2 accounts", "US Sales", "jorge",
            new Measure(MetricKind.Percentage, Direction.Increase, 55, 80), "% of demos", baselineDay,
            $"Gong and Salesforce: demos whose main attendee is a CMO at a Tier 1–2 account, share of all demos in the last 30 days of {pqName}.",
            new Track(Design.OnTrack, Pace: 1.1, Step: 1, Seed: 17,
                Notes:
                [
                    "SDRs now book CMO meetings straight from the Tier 1 target list.",
                    "Coaching reps on multi-threading up to the CMO.",
                    "CMO attendance is higher when the invite comes from our CMO.",
                ],
                DipNote: "More demos this week went to Tier 3 inbound, so the mix dipped."));
        var acv = AddKr(usSales, "ACV increases from $18k to 35k", "US Sales", "jorge",
            new Measure(MetricKind.Currency, Direction.Increase, 18_000, 35_000, "USD"), null, baselineDay,
            $"Salesforce: mean first-year contract value of new-logo deals closed in {pqName}.",
            new Track(Design.LowConfidence, Pace: 1.1, Step: 500, Seed: 18,
                Notes:
                [
                    "Mean first-year value of new-logo deals closed this quarter.",
                    "Bigger packages with the CMO analytics add-on are landing.",
                    "Fewer small deals in the mix is doing most of the work.",
                ],
                DipNote: "A run of small deals closed this week and pulled the mean down.",
                LastNote: "On pace on paper, but the quarter hinges on two Tier 1 deals in legal; confidence is low until they sign.",
                Blocker: "Legal redlines on both large Tier 1 deals.",
                NextSteps: ["Agree mutual close plans with both champions by Friday."]),
            isFinancial: true);
        var usHandoffs = AddKr(usSales, "Handoff scores average 4 or better", "US Sales", "jorge",
            new Measure(MetricKind.Number, Direction.StayAtLeast, 3.9m, 4), "score (1–5)", baselineDay,
            $"Gainsight handoff survey, US deals only; mean over {pqName}.",
            new Track(Design.OnTrack, Hold: [4.0m, 4.2m, 3.9m, 4.1m, 4.3m, 4.2m], Seed: 19,
                Notes:
                [
                    "The new handoff call with Customer Success is working.",
                    "Every handoff this week included the customer's success plan.",
                ],
                DipNote: "One handoff without a success plan scored 2; fixed with the account executive."));

        // --- Customer Marketing
        var customerMarketing = NewObjective(cq, At(qs.AddDays(-9), 10), new ObjectiveDetails(
            "Because it's cheaper to retain than to obtain", U("Customer Marketing").Id, ObjectiveType.Aspirational,
            Description: "Turn our Tier 1 and 2 customers into our biggest growth channel.",
            OwnerId: P("priya"), FocusAreaId: Focus("Retain and expand Tier 1 and 2")));
        var upsellPipeline = AddKr(customerMarketing, "Add $28M of upsell pipeline from customer marketing campaigns or tooling in T1 and T2 accounts", "Customer Marketing", "priya",
            new Measure(MetricKind.Currency, Direction.Increase, 0, 28_000_000, "USD"), null, qs.AddDays(-1),
            "Salesforce: upsell opportunities created this quarter with a customer-marketing campaign or tool as primary source, Tier 1–2 accounts.",
            new Track(Design.OnTrack, Pace: 1.08, Step: 100_000, Cumulative: true, Seed: 20,
                Notes:
                [
                    "The in-app ROI calculator drove most of this week's new opportunities.",
                    "The customer advisory board dinner produced three qualified expansions.",
                    "Pipeline is building, with a higher average opportunity size than planned.",
                ]),
            isFinancial: true);
        var wauSurge = AddKr(customerMarketing, "There is a 10% surge in same-week WAU with every customer marketing campaign", "Customer Marketing", "priya",
            new Measure(MetricKind.Percentage, Direction.Increase, 4, 10), "% WAU lift", baselineDay,
            $"Pendo: WAU of targeted accounts in the campaign week against their previous four-week average; mean over {pqName}'s campaigns.",
            new Track(Design.OnTrack, Pace: 1.15, Step: 0.1m, Seed: 21,
                Notes:
                [
                    "The campaign to dormant dashboard users produced the best lift so far.",
                    "In-app plus email lifts far more than email alone.",
                    "Lift holds into the following week for accounts with a CSM touch.",
                ],
                DipNote: "This week's newsletter-style campaign barely moved WAU; lesson learned."));
        var focusedCampaigns = AddKr(customerMarketing, "100% of our campaigns are focused on T1 and T2 new logos and customers", "Customer Marketing", "priya",
            new Measure(MetricKind.Percentage, Direction.Increase, 70, 100), "% of campaigns", baselineDay,
            "Campaign calendar: share of campaigns whose target list is at least 90% Tier 1–2 accounts.",
            new Track(Design.OnTrack, Pace: 1.2, Step: 1, Seed: 22,
                Notes:
                [
                    "Every new campaign on the calendar targets Tier 1–2 lists.",
                    "Retired the last two broad-list nurture campaigns.",
                    "One partner co-marketing campaign still uses a mixed list.",
                ],
                DipNote: "A partner co-marketing campaign went out to a mixed list."));

        // --- Product Engineering
        var productEngineering = NewObjective(cq, At(qs.AddDays(-9), 11), new ObjectiveDetails(
            "Build irreplaceable products that are critical to CMOs and customers in our target segments", U("Product Engineering").Id, ObjectiveType.Aspirational,
            Description: "Ship the capabilities a CMO cannot get anywhere else, and keep the product fast and reliable while we do.",
            OwnerId: P("dev"), FocusAreaId: Focus("Win the CMO"),
            Risks: "Tech debt in the export pipeline slows every CMO feature that touches reporting."));
        var abc = AddKr(productEngineering, "Release ABC solution with 4 CMO capabilities that have a 30-day ROI not available from competitors", "Product Engineering", "dev",
            new Measure(MetricKind.Number, Direction.Increase, 0, 4), "capabilities", qs.AddDays(-1),
            "Capabilities generally available in ABC whose 30-day ROI is validated with two design partners and absent from the top three competitors (PM competitive matrix).",
            new Track(Design.OnTrack, Pace: 1.2, Step: 1, Cumulative: true, Seed: 23,
                Notes:
                [
                    "Attribution drilldown is GA; two design partners are validating its ROI.",
                    "Budget pacing is in beta; ROI validation is scheduled.",
                    "PM's competitive check confirms none of the top three competitors has pacing alerts.",
                ]));
        var techDebt = AddKr(productEngineering, "Pay down 41 prioritized tech debt items tagged as CMO issues/impacts", "Product Engineering", "member",
            new Measure(MetricKind.Number, Direction.Increase, 0, 41), "items", qs.AddDays(-1),
            "Jira: issues labelled tech-debt and CMO-impact in the prioritized list, resolved this quarter.",
            new Track(Design.OnTrack, Pace: 1.1, Step: 1, Cumulative: true, Seed: 24,
                Notes:
                [
                    "Closed items from the prioritized CMO tech-debt list in Jira.",
                    "Dashboard query timeouts are fixed; that was the top CMO complaint.",
                    "The sprint focused on the export pipeline: fewer items closed, but big ones.",
                ],
                NextSteps: ["Pair on the remaining export-pipeline items.", "Re-rank the list with Product Management on Thursday."]));
        var engReleaseCadence = AddKr(productEngineering, "Release notable CMO quality-of-life features every two weeks into production", "Product Engineering", "member",
            new Measure(MetricKind.Number, Direction.Increase, 0, 6), "fortnights", qs.AddDays(-1),
            "Count of this quarter's two-week release windows that shipped a notable CMO quality-of-life feature (release notes tagged CMO).",
            new Track(Design.OnTrack, Pace: 1.15, Step: 1, Cumulative: true, Seed: 4,
                Notes:
                [
                    "Bulk export of campaign reports went out in this fortnight's train.",
                    "Saved filters are live; support saw no new tickets from the release.",
                    "Between trains this week; the next CMO feature is code-complete.",
                    "Scheduled PDF reports shipped behind a flag, enabled for everyone on Wednesday.",
                ]));

        // --- Customer Support: the rolled-over objective, activated for this quarter
        rolledSupport.Edit(new ObjectiveDetails(
            rolledSupport.Title, rolledSupport.OwningUnitId, rolledSupport.Type,
            "Rolled over: integration tickets are down; password resets still need the new self-serve flow, now on the engineering roadmap.",
            rolledSupport.OwnerId, rolledSupport.Visibility, Focus("Operational excellence"),
            rolledSupport.SuccessCriteria, rolledSupport.TargetAudience,
            "The new reset flow could slip behind CMO features in the release train.",
            rolledSupport.Dependencies), cq);
        var rolledActivatedAt = NotAfterNow(At(_previousQuarter.End.AddDays(3), 11));
        rolledSupport.Activate(cq, rolledActivatedAt);
        var carriedResets = rolledSupport.LiveKeyResults.Single();
        _currentPlans.Add(new Plan(carriedResets, rolledSupport, "chris", new Track(Design.OnTrack, Pace: 1.2, Step: 1, Seed: 25,
            Notes:
            [
                "Zendesk, trailing 30 days, password-reset tag.",
                "The rewritten help-center article keeps deflecting tickets.",
                "SSO for another Tier 1 customer removed their reset tickets entirely.",
                "The login error page now links to the reset article; fewer customers open a ticket.",
            ],
            DipNote: "A login incident on Tuesday created a spike of reset tickets.",
            NextSteps: ["Check the reset-flow funnel in Pendo with Product Engineering."])));

        // --- Product Success: a draft, to show the draft flow and the coach
        var draft = NewObjective(cq, At(qs.AddDays(-3), 14), new ObjectiveDetails(
            "Make product A part of every Tier 1 CMO's week", U("Product Success").Id, ObjectiveType.Aspirational,
            Description: "Last quarter's adoption work paid off; now aim it at the customers who matter most.",
            OwnerId: P("nina"), FocusAreaId: Focus("Retain and expand Tier 1 and 2")));
        draft.AddKeyResult(new KeyResultDetails(
            "Increase % of monthly active users of product A from 10.6% to 12%", U("Product Success").Id,
            new Measure(MetricKind.Percentage, Direction.Increase, 10.6m, 12), P("nina"),
            UnitLabel: "% MAU", BaselineMeasuredAt: baselineDay,
            BaselineMethod: $"Pendo: product A monthly active users ÷ licensed seats, 30-day window ending {baselineDay:yyyy-MM-dd}."), cq);
        draft.AddKeyResult(new KeyResultDetails(
            "Cut median time to first dashboard for new Tier 1 seats from 9 days to 4", U("Product Success").Id,
            new Measure(MetricKind.Number, Direction.Decrease, 9, 4), P("nina"),
            UnitLabel: "days", BaselineMeasuredAt: baselineDay), cq);

        // Activate everything but the draft.
        foreach (var objective in new[] { company, marketing, productManagement, globalSales, usSales, customerMarketing, productEngineering })
            objective.Activate(cq, activatedAt);

        // Alignments: every department localises the company objective; one supporting link is shown, not counted.
        Align(marketing, company, null, AlignmentKind.Contributes, alignedAt);
        Align(productManagement, company, activeWeekly, AlignmentKind.Contributes, alignedAt);
        Align(globalSales, company, arrMix, AlignmentKind.Contributes, alignedAt);
        Align(productEngineering, company, releaseCadence, AlignmentKind.Contributes, alignedAt);
        Align(customerMarketing, marketing, null, AlignmentKind.Contributes, alignedAt);
        Align(customerMarketing, company, retention, AlignmentKind.Supports, alignedAt);
        Align(usSales, globalSales, null, AlignmentKind.Contributes, alignedAt);
        Align(productEngineering, productManagement, null, AlignmentKind.Supports, alignedAt);
        Align(rolledSupport, company, retention, AlignmentKind.Contributes, NotAfterNow(rolledActivatedAt.AddMinutes(20)));
        Align(draft, company, activeWeekly, AlignmentKind.Supports, At(qs.AddDays(-3), 15));

        // References for the later steps (initiatives, KPIs, annotations, comments).
        _keyResultsByName = new Dictionary<string, KeyResult>(StringComparer.Ordinal)
        {
            ["activeWeekly"] = activeWeekly, ["arrMix"] = arrMix, ["retention"] = retention, ["releaseCadence"] = releaseCadence,
            ["commsPlan"] = commsPlan, ["inboundScore"] = inboundScore, ["amConversations"] = amConversations,
            ["instrument"] = instrument, ["fullStory"] = fullStory, ["buyIn"] = buyIn, ["cmoFeedback"] = cmoFeedback,
            ["salesArrMix"] = salesArrMix, ["closeRatio"] = closeRatio, ["discountFloor"] = discountFloor, ["handoffs"] = handoffs,
            ["demoScore"] = demoScore, ["training"] = training, ["cmoDemos"] = cmoDemos, ["acv"] = acv, ["usHandoffs"] = usHandoffs,
            ["upsellPipeline"] = upsellPipeline, ["wauSurge"] = wauSurge, ["focusedCampaigns"] = focusedCampaigns,
            ["abc"] = abc, ["techDebt"] = techDebt, ["engReleaseCadence"] = engReleaseCadence, ["carriedResets"] = carriedResets,
        };
        _objectivesByName = new Dictionary<string, Objective>(StringComparer.Ordinal)
        {
            ["company"] = company, ["marketing"] = marketing, ["productManagement"] = productManagement, ["globalSales"] = globalSales,
            ["usSales"] = usSales, ["customerMarketing"] = customerMarketing, ["productEngineering"] = productEngineering,
            ["support"] = rolledSupport, ["draft"] = draft,
        };
        _previousKeyResults = _objectives.Where(o => o.PeriodId == _previousQuarter.Id).SelectMany(o => o.KeyResults).ToList();
    }

    private KeyResult Kr(string name) => _keyResultsByName[name];

    private Guid? Focus(string title) => _focusByTitle[title].Id;

    private Objective NewObjective(Period period, DateTimeOffset createdAt, ObjectiveDetails details)
    {
        var objective = new Objective(Organization.Id, period, details, createdAt);
        _objectives.Add(objective);
        return objective;
    }

    private KeyResult AddKr(Objective objective, string title, string unitName, string ownerKey, Measure measure, string? unitLabel,
        DateOnly? baselineMeasuredAt, string? baselineMethod, Track track, bool isFinancial = false)
    {
        var keyResult = objective.AddKeyResult(new KeyResultDetails(title, U(unitName).Id, measure, P(ownerKey),
            UnitLabel: unitLabel, BaselineMeasuredAt: baselineMeasuredAt, BaselineMethod: baselineMethod, IsFinancial: isFinancial), _currentQuarter);
        _currentPlans.Add(new Plan(keyResult, objective, ownerKey, track));
        return keyResult;
    }

    private void Align(Objective child, Objective parent, KeyResult? parentKeyResult, AlignmentKind kind, DateTimeOffset at)
    {
        var edges = _alignments.Select(a => (a.ChildObjectiveId, a.ParentObjectiveId));
        _alignments.Add(Alignment.Create(child, parent, parentKeyResult, kind, 1, edges, at));
    }

    // ------------------------------------------------------------------ check-ins

    private enum Design
    {
        OnTrack,
        AtRisk,
        OffTrack,
        /// <summary>Stops checking in two weeks before now: "set and forget".</summary>
        Stale,
        /// <summary>On track by progress, but the owner's confidence is 3: shown at risk.</summary>
        LowConfidence,
    }

    /// <summary>How a key result's values move during the quarter, and what its owner writes.</summary>
    private sealed record Track(
        Design Design,
        double Pace = 1.15,
        decimal Step = 1,
        bool Cumulative = false,
        double? MilestoneAt = null,
        decimal[]? Hold = null,
        int Seed = 0,
        string[]? Notes = null,
        string? DipNote = null,
        string? DoneNote = null,
        string? AfterNote = null,
        string? LastNote = null,
        string? Blocker = null,
        string[]? NextSteps = null);

    private sealed record Plan(KeyResult KeyResult, Objective Objective, string OwnerKey, Track Track, double? FinalProgress = null);

    private readonly record struct Slot(DateOnly Day, DateTimeOffset At);

    private void RecordCurrentCheckIns()
    {
        var cq = _currentQuarter;
        var slots = new List<Slot>();
        for (var day = cq.Start.AddDays(7); day <= cq.End; day = day.AddDays(7))
        {
            var at = At(day, 10);
            if (at > _now) break;
            slots.Add(new Slot(day, at));
        }
        var expectedNow = ExpectedProgress.Compute(_now, cq.StartsAt, cq.EndsAt);

        foreach (var plan in _currentPlans)
        {
            var mine = plan.Track.Design == Design.Stale ? slots.Take(Math.Max(0, slots.Count - 2)).ToList() : slots;
            if (mine.Count == 0) continue;
            var fractions = mine.Select(s => Fraction(cq, s.At)).ToList();
            var finalProgress = plan.Track.Design == Design.Stale
                ? Math.Clamp(plan.Track.Pace * fractions[^1], 0, 1)
                : Math.Clamp(plan.Track.Pace * expectedNow, 0, 1);
            var wanted = plan.Track.Design switch
            {
                Design.AtRisk => OkrStatus.AtRisk,
                Design.OffTrack => OkrStatus.OffTrack,
                _ => OkrStatus.OnTrack,
            };
            var measure = plan.KeyResult.Measure;
            Func<decimal, bool>? finalOk = plan.Track.Design == Design.Stale
                ? null
                : value => KeyResultStatusRules.ByProgress(KeyResultProgress.Compute(measure, value), expectedNow, null, Settings) == wanted;
            var values = PlanValues(plan, fractions, finalProgress, finalOk);
            for (var i = 0; i < mine.Count; i++)
                Record(plan, cq, mine[i], values[i], i, mine.Count, values, i == 0 ? plan.KeyResult.Baseline : values[i - 1]);
        }
    }

    private static double Fraction(Period period, DateTimeOffset at) => ExpectedProgress.Compute(at, period.StartsAt, period.EndsAt);

    /// <summary>
    /// The value of each check-in: progress grows with time towards <paramref name="finalProgress"/> at the last
    /// check-in, with a small deterministic wobble (none for cumulative counts); the last value is picked, among
    /// its rounding neighbours, to land on the designed status when <paramref name="finalOk"/> is given.
    /// </summary>
    private static List<decimal> PlanValues(Plan plan, List<double> fractions, double finalProgress, Func<decimal, bool>? finalOk)
    {
        var track = plan.Track;
        var keyResult = plan.KeyResult;
        var n = fractions.Count;
        var values = new List<decimal>(n);
        if (n == 0) return values;

        if (track.MilestoneAt is { } flipAt)
        {
            values.AddRange(fractions.Select(f => f >= flipAt ? 1m : 0m));
            return values;
        }
        if (track.Hold is { } hold)
        {
            for (var i = 0; i < n; i++)
                values.Add(i == n - 1 || hold.Length == 1 ? hold[^1] : hold[i % (hold.Length - 1)]);
            return values;
        }

        var baseline = keyResult.Baseline ?? 0;
        var target = keyResult.Target ?? baseline;
        var lastFraction = fractions[^1] > 0 ? fractions[^1] : 1;
        for (var i = 0; i < n; i++)
        {
            var progress = finalProgress * fractions[i] / lastFraction;
            if (i < n - 1 && !track.Cumulative)
                progress *= 1 + (0.09 * Math.Sin((1.9 * (i + 1)) + track.Seed));
            values.Add(Clean(keyResult, RoundTo(baseline + ((decimal)progress * (target - baseline)), track.Step)));
        }

        if (finalOk is not null && !finalOk(values[^1]))
        {
            foreach (var delta in new[] { -1, 1, -2, 2, -3, 3 })
            {
                var candidate = Clean(keyResult, values[^1] + (delta * track.Step));
                if (finalOk(candidate))
                {
                    values[^1] = candidate;
                    break;
                }
            }
        }

        if (track.Cumulative)
        {
            // Counts only grow: each value sits between the previous one and the last one.
            var up = target >= baseline;
            var previous = baseline;
            var last = values[^1];
            for (var i = 0; i < n - 1; i++)
            {
                var v = up ? Math.Min(Math.Max(values[i], previous), last) : Math.Max(Math.Min(values[i], previous), last);
                values[i] = v;
                previous = v;
            }
        }
        return values;
    }

    private static decimal RoundTo(decimal value, decimal step) =>
        step <= 0 ? value : Math.Round(value / step, MidpointRounding.AwayFromZero) * step;

    private static decimal Clean(KeyResult keyResult, decimal value) =>
        keyResult.MetricKind == MetricKind.Percentage ? Math.Clamp(value, 0, 100) : value;

    private void Record(Plan plan, Period period, Slot slot, decimal value, int index, int count, List<decimal> values,
        decimal? previous, string? note = null)
    {
        var track = plan.Track;
        var keyResult = plan.KeyResult;
        var last = index == count - 1;
        var movedAgainst = previous is { } p && keyResult.Measure.MovesAgainstDirection(p, value);
        var isMilestone = keyResult.MetricKind == MetricKind.Milestone;

        string text;
        if (isMilestone)
        {
            var doneBefore = index > 0 && values[index - 1] == 1;
            text = value == 1
                ? (doneBefore ? track.AfterNote ?? track.DoneNote ?? "Done." : track.DoneNote ?? "Done this week.")
                : "Not done yet. " + Pick(track.Notes, index, "Work is under way.");
        }
        else
        {
            var body = note
                ?? (last && track.LastNote is not null ? track.LastNote
                    : movedAgainst && track.DipNote is not null ? track.DipNote
                    : Pick(track.Notes, index + track.Seed, "Steady week."));
            text = Movement(keyResult, previous, value, index) + " " + body;
        }

        var late = index >= count - 2;
        var confidence = isMilestone
            ? (value == 1 ? 10 : 7)
            : track.Design switch
            {
                Design.OnTrack => (index + track.Seed) % 3 == 0 ? 8 : 7,
                Design.AtRisk => late ? 5 : 6,
                Design.OffTrack => late ? 4 : 5,
                Design.LowConfidence => last ? 3 : late ? 5 : 7,
                _ => 6,
            };
        ReportedStatus? reported = track.Design switch
        {
            Design.AtRisk when late => ReportedStatus.AtRisk,
            Design.OffTrack when late => ReportedStatus.OffTrack,
            Design.OffTrack => ReportedStatus.AtRisk,
            Design.LowConfidence when last => ReportedStatus.AtRisk,
            _ when index % 3 == 2 => null,
            _ => ReportedStatus.OnTrack,
        };
        var blocker = track.Blocker is not null && (late || track.Design is Design.OffTrack) && index > 0 ? track.Blocker : null;
        var nextSteps = track.NextSteps is { Length: > 0 } steps && (index % 2 == 1 || last || blocker is not null)
            ? steps[index % steps.Length]
            : null;

        var entry = new CheckInEntry(value, confidence, slot.Day, text, blocker, nextSteps, reported);
        var author = _peopleByKey[plan.OwnerKey].Id;
        _checkIns.Add(keyResult.RecordCheckIn(entry, plan.Objective, period, Settings, author, slot.At));
        if (!_valuesByKeyResult.TryGetValue(keyResult.Id, out var byDay))
            _valuesByKeyResult[keyResult.Id] = byDay = [];
        byDay[slot.Day] = value;
    }

    private static string Pick(string[]? options, int index, string fallback) =>
        options is { Length: > 0 } ? options[((index % options.Length) + options.Length) % options.Length] : fallback;

    private static string Movement(KeyResult keyResult, decimal? previous, decimal value, int index)
    {
        var now = Format(keyResult, value);
        if (index == 0)
            return keyResult.Baseline is { } b ? $"First check-in: {now}, from a baseline of {Format(keyResult, b)}." : $"First check-in: {now}.";
        if (previous is not { } p || p == value)
            return $"Holding at {now}.";
        return keyResult.Measure.MovesAgainstDirection(p, value)
            ? $"Slipped from {Format(keyResult, p)} to {now}."
            : $"Moved from {Format(keyResult, p)} to {now}.";
    }

    private static string Format(KeyResult keyResult, decimal value)
    {
        switch (keyResult.MetricKind)
        {
            case MetricKind.Percentage:
                return value.ToString("0.#", Invariant) + "%";
            case MetricKind.Currency:
                var symbol = keyResult.CurrencyCode == "USD" ? "$" : keyResult.CurrencyCode + " ";
                return Math.Abs(value) >= 1_000_000
                    ? symbol + (value / 1_000_000).ToString("0.0#", Invariant) + "M"
                    : Math.Abs(value) >= 1_000
                        ? symbol + (value / 1_000).ToString("0.#", Invariant) + "k"
                        : symbol + value.ToString("0.##", Invariant);
            default:
                var number = value.ToString("0.##", Invariant);
                return keyResult.UnitLabel is { } label && label != "ratio" ? number + " " + label : number;
        }
    }

    // ------------------------------------------------------------------ initiatives, KPIs, annotations, comments

    private void AddInitiatives(DateOnly passwordFlowShipped)
    {
        var qs = _currentQuarter.Start;
        var instrumented = Kr("instrument").CurrentValue == 1;

        Add("CMO dashboards and drilldowns 2.0 prototype", "Clickable prototype of the 2.0 dashboards, tested with CMOs before any build.",
            "nina", "Product Management", qs.AddDays(-7), qs.AddDays(45), "PM-101", InitiativeStatus.InProgress, "cmoFeedback", "activeWeekly");
        Add("Pendo instrumentation of the CMO use cases", "Track the five CMO use cases end to end so next quarter's key results can be measured.",
            "member", "Product Engineering", qs.AddDays(-14), qs.AddDays(28), "PE-214",
            instrumented ? InitiativeStatus.Done : InitiativeStatus.InProgress, "instrument");
        Add("Fortnightly CMO release train", "A two-week train with at least one CMO-visible improvement per release, announced with a comms plan.",
            "dev", "Product Engineering", qs, _currentQuarter.End, "PE-230", InitiativeStatus.InProgress, "releaseCadence", "engReleaseCadence", "commsPlan");
        Add("CMO tech-debt burn-down", "Work through the prioritized list of tech-debt items that CMOs feel: timeouts, exports, stale caches.",
            "member", "Product Engineering", qs, _currentQuarter.End, "PE-188", InitiativeStatus.InProgress, "techDebt");
        Add("One-to-few campaign playbook for low-usage enterprises", "Segment low-usage enterprise accounts and run one-to-few plays with account managers.",
            "priya", "Customer Marketing", qs.AddDays(3), qs.AddDays(60), null, InitiativeStatus.Blocked, "amConversations");
        Add("Tier model v2: segment every account", "Score every account Tier 1 to 4 on fit and potential, and sync the tier to Salesforce and HubSpot.",
            "sam", "Global Sales", qs.AddDays(-45), qs.AddDays(-5), null, InitiativeStatus.Done, "arrMix", "salesArrMix");
        Add("T1/T2 CMO buyer training and demo check-out", "Four-module buyer training plus a recorded demo signed off by enablement.",
            "jorge", "US Sales", qs, qs.AddDays(70), null, InitiativeStatus.InProgress, "training", "cmoDemos");
        Add("Self-serve password-reset flow", "Magic-link sign-in and a self-serve reset page, replacing the emailed temporary password.",
            "chris", "Customer Support", qs.AddDays(-20), passwordFlowShipped, "SUP-57", InitiativeStatus.Done, "carriedResets");

        void Add(string title, string description, string ownerKey, string unitName, DateOnly start, DateOnly due, string? jiraKey,
            InitiativeStatus status, params string[] keyResults)
        {
            var external = jiraKey is null ? null : ExternalReference.Create("Jira", jiraKey, $"https://acme.atlassian.net/browse/{jiraKey}");
            var initiative = new Initiative(Organization.Id, new InitiativeDetails(title, description, P(ownerKey), U(unitName).Id, start, due, external));
            if (status != InitiativeStatus.Planned) initiative.ChangeStatus(status);
            foreach (var name in keyResults) initiative.LinkKeyResult(Kr(name).Id);
            _initiatives.Add(initiative);
        }
    }

    /// <summary>The day the new password-reset flow shipped: four weeks into the quarter, or today if that is earlier.</summary>
    private DateOnly PasswordFlowShipped => InCurrentQuarter(24);

    private void AddKpisAndAnnotations(DateOnly flowShipped)
    {
        _passwordResetKpi = AddKpi(new KpiDetails("Password reset tickets per week", U("Customer Support").Id, KpiDirection.LowerIsBetter,
            "tickets", "Zendesk tickets tagged password-reset, per calendar week.", HealthyMax: 90));
        _integrationKpi = AddKpi(new KpiDetails("Integration-related tickets per week", U("Customer Support").Id, KpiDirection.LowerIsBetter,
            "tickets", "Zendesk tickets tagged integration-*, per calendar week.", HealthyMax: 55));
        _wauKpi = AddKpi(new KpiDetails("Weekly active users, Tier 1–2 (%)", U("Product Management").Id, KpiDirection.HigherIsBetter,
            "%", "Share of Tier 1–2 accounts with at least one active user in the week (Pendo).", HealthyMin: 60));
        _inboundKpi = AddKpi(new KpiDetails("Inbound cubist score", U("Marketing").Id, KpiDirection.HigherIsBetter,
            "score", "Mean cubist fit score of inbound leads, trailing 30 days (HubSpot).", HealthyMin: 45, HealthyMax: 100));

        _passwordResetKpi.LinkKeyResult(Kr("carriedResets").Id);
        foreach (var previous in _previousKeyResults.Where(k => k.Title.Contains("password", StringComparison.OrdinalIgnoreCase)))
            _passwordResetKpi.LinkKeyResult(previous.Id);
        foreach (var previous in _previousKeyResults.Where(k => k.Title.Contains("integration", StringComparison.OrdinalIgnoreCase)))
            _integrationKpi.LinkKeyResult(previous.Id);
        _wauKpi.LinkKeyResult(Kr("activeWeekly").Id);
        _wauKpi.LinkKeyResult(Kr("wauSurge").Id);
        _inboundKpi.LinkKeyResult(Kr("inboundScore").Id);

        var experimentDay = InCurrentQuarter(17);
        var incidentDay = InCurrentQuarter(31);
        _annotations.Add(new Annotation(Organization.Id, experimentDay,
            "Experiment: in-app CMO dashboard tour shown to half of Tier 1 accounts for four weeks (A/B, Pendo guide).",
            AnnotationKind.Experiment, P("lead"), [Kr("activeWeekly").Id], [_wauKpi.Id]));
        _annotations.Add(new Annotation(Organization.Id, flowShipped,
            "New password-reset flow shipped: magic-link sign-in replaces the emailed temporary password.",
            AnnotationKind.Change, P("chris"), [Kr("carriedResets").Id], [_passwordResetKpi.Id]));
        _annotations.Add(new Annotation(Organization.Id, incidentDay,
            "Incident: HubSpot form sync was down for two days; inbound scores for that week are partial.",
            AnnotationKind.Incident, P("dana"), [Kr("inboundScore").Id], [_inboundKpi.Id]));

        Kpi AddKpi(KpiDetails details)
        {
            var kpi = new Kpi(Organization.Id, details);
            _kpis.Add(kpi);
            return kpi;
        }
    }

    /// <summary>Weekly KPI values from the start of the previous quarter up to now, coherent with the check-ins.</summary>
    private void AddKpiValues(DateOnly passwordFlowShipped)
    {
        var qs = _currentQuarter.Start;
        var firstDay = qs.AddDays(-7 * 13);
        var wau = _valuesByKeyResult.GetValueOrDefault(Kr("activeWeekly").Id) ?? [];
        var inbound = _valuesByKeyResult.GetValueOrDefault(Kr("inboundScore").Id) ?? [];
        var i = 0;
        for (var day = firstDay; day <= _today; day = day.AddDays(7), i++)
        {
            var at = At(day, 9);
            if (at > _now) break;
            var before = day < qs;
            var weeksBefore = (qs.DayNumber - day.DayNumber) / 7.0;     // 13 → 0 across the previous quarter
            var weeksIn = (day.DayNumber - qs.DayNumber) / 7.0;
            var wobble = Math.Sin(i * 2.3);

            decimal resets = before
                ? (decimal)(91 + (6 * weeksBefore / 13) + (2 * wobble))
                : day < passwordFlowShipped
                    ? (decimal)(91 - (0.3 * weeksIn) + (1.5 * wobble))
                    : (decimal)Math.Max(80, 88 - (0.6 * ((day.DayNumber - passwordFlowShipped.DayNumber) / 7.0)) + (1.5 * wobble));
            _passwordResetKpi.RecordValue(day, Math.Round(resets), "Zendesk", at);

            var integrations = before
                ? 53 + (7 * weeksBefore / 13) + (1.5 * wobble)
                : 53 - (0.2 * weeksIn) + (1.2 * wobble);
            _integrationKpi.RecordValue(day, Math.Round((decimal)integrations), "Zendesk", at);

            var wauValue = wau.TryGetValue(day, out var w) ? w
                : before ? Math.Round((decimal)(61 - (2.5 * weeksBefore / 13) + (0.4 * wobble)), 1)
                : Kr("activeWeekly").Baseline ?? 61;
            _wauKpi.RecordValue(day, wauValue, "Pendo", at);

            var inboundValue = inbound.TryGetValue(day, out var s) ? s
                : before ? Math.Round((decimal)(43 - (1.5 * weeksBefore / 13) + (0.5 * wobble)), 1)
                : Kr("inboundScore").Baseline ?? 43;
            _inboundKpi.RecordValue(day, inboundValue, "HubSpot", at);
        }
    }

    private void AddComments()
    {
        var qs = _currentQuarter.Start;
        Comment(_objectivesByName["company"].Id, null, "sam", At(qs.AddDays(-12), 15),
            "Sales is localising this as \"engage the right customers and make it simple for them to buy from us\". Shout if the Tier 1–2 definition changes mid-quarter: three of our key results depend on it.");
        Comment(_objectivesByName["draft"].Id, null, "lead", At(qs.AddDays(-2), 11),
            "Good direction. The time-to-first-dashboard key result needs a baseline method before we activate: which report gives us the 9 days? And the title has a number in it, the coach will flag that.");
        Comment(null, Kr("amConversations").Id, "admin", Clamp(At(qs.AddDays(30), 9), At(qs, 9)),
            "What is blocking the campaign list? If it is the usage export, let's get the data team on it this week.");
        Comment(null, Kr("acv").Id, "sam", Clamp(At(qs.AddDays(45), 16), At(qs, 16)),
            "Both large Tier 1 deals are in legal, so low confidence feels right. Can we get a mutual close plan on each by Friday?");
        Comment(null, Kr("engReleaseCadence").Id, "dev", Clamp(At(qs.AddDays(22), 14), At(qs, 14)),
            "Nice streak. Keep the release notes CMO-facing: Marketing needs them for the communication-plan key result.");
        Comment(_objectivesByName["support"].Id, null, "chris", NotAfterNow(At(_previousQuarter.End.AddDays(3), 12)),
            "Rolled over from last quarter: password resets got to 395 a month. The new self-serve reset flow should close the gap.");

        void Comment(Guid? objectiveId, Guid? keyResultId, string authorKey, DateTimeOffset at, string text) =>
            _comments.Add(new Comment(Organization.Id, objectiveId, keyResultId, P(authorKey), text, at));
    }

    // ------------------------------------------------------------------ time helpers

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private DateTimeOffset NotAfterNow(DateTimeOffset at) => at <= _now ? at : _now;

    /// <summary>An instant no later than now and, when possible, no earlier than <paramref name="notBefore"/>.</summary>
    private DateTimeOffset Clamp(DateTimeOffset at, DateTimeOffset notBefore) => NotAfterNow(at < notBefore ? notBefore : at);

    /// <summary>The quarter's start plus <paramref name="days"/>, but never after today.</summary>
    private DateOnly InCurrentQuarter(int days)
    {
        var day = _currentQuarter.Start.AddDays(days);
        return day > _today ? _today : day;
    }
}
