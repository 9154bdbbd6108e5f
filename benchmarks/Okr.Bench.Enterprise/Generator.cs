using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NpgsqlTypes;
using Okr.Infrastructure.Identity;

namespace Okr.Bench.Enterprise;

/// <summary>
/// Writes one organisation of the requested size straight into the API's PostgreSQL schema with binary COPY:
/// a unit tree company → divisions → departments → teams, a lead and three members per unit, one active quarter,
/// 4 objectives per unit aligned (contributes) to the parent unit's objective of the same rank, 4 key results per
/// objective owned by the unit (a member as DRI), weekly check-ins since the quarter started, an initiative per unit.
/// </summary>
internal sealed class Generator(string connectionString, Scale scale, string password)
{
    private const int ObjectivesPerUnit = 4;
    private const int KeyResultsPerObjective = 4;
    private const int MembersPerUnit = 3;
    private const int DepartmentsPerDivision = 4;

    private readonly Random _random = new(20261207);
    private readonly DateTime _now = DateTime.UtcNow;

    public async Task<Fixtures> RunAsync()
    {
        var total = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var check = new NpgsqlCommand("""SELECT count(*) FROM "Organizations" """, connection))
        {
            if ((long)(await check.ExecuteScalarAsync())! != 0)
                throw new InvalidOperationException("The database already holds an organisation; the generator wants an empty, migrated database.");
        }
        // Bulk load: foreign keys are not checked row by row (the generator writes them consistently).
        await Exec(connection, "SET session_replication_role = replica");

        var today = DateOnly.FromDateTime(_now);
        var start = today.AddDays(-88);
        var end = start.AddDays(91);
        var orgId = Guid.CreateVersion7();
        var periodId = Guid.CreateVersion7();

        // ---------------------------------------------------------------- units
        var units = BuildUnits(scale.Units);
        Log($"units: {units.Count} ({units.Count(u => u.Kind == "Division")} divisions, {units.Count(u => u.Kind == "Department")} departments, {units.Count(u => u.Kind == "Team")} teams)");

        // ---------------------------------------------------------------- people (identity + person + membership)
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), password);
        var people = new List<PersonRow>(units.Count * (MembersPerUnit + 1));
        foreach (var unit in units)
        {
            unit.LeadIndex = people.Count;
            var leadEmail = unit.Kind == "Company" ? "admin@bench.test" : $"u{unit.Index}-lead@bench.test";
            people.Add(new PersonRow(Guid.CreateVersion7(), Guid.CreateVersion7(), $"{unit.Name} Lead", leadEmail, unit.Kind == "Company" ? "Admin" : "Member", unit.Id, "Lead"));
            unit.MemberIndexes = new int[MembersPerUnit];
            for (var m = 0; m < MembersPerUnit; m++)
            {
                unit.MemberIndexes[m] = people.Count;
                people.Add(new PersonRow(Guid.CreateVersion7(), Guid.CreateVersion7(), $"{unit.Name} Member {m + 1}", $"u{unit.Index}-m{m + 1}@bench.test", "Member", unit.Id, "Member"));
            }
        }

        var sw = Stopwatch.StartNew();
        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "Organizations" ("Id","Name","Settings_AspirationalSuccessThreshold","Settings_AtRiskRatio","Settings_CheckInCadenceDays",
              "Settings_CommittedSuccessThreshold","Settings_FinancialSuccessThreshold","Settings_FiscalYearStartMonth","Settings_LowConfidence",
              "Settings_OnTrackRatio","Settings_StalenessGraceDays","Version") FROM STDIN (FORMAT BINARY)
            """))
        {
            await w.StartRowAsync();
            await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
            await w.WriteAsync($"Bench Corp {scale.Name}", NpgsqlDbType.Varchar);
            await w.WriteAsync(0.7, NpgsqlDbType.Double);
            await w.WriteAsync(0.7, NpgsqlDbType.Double);
            await w.WriteAsync(7, NpgsqlDbType.Integer);
            await w.WriteAsync(0.85, NpgsqlDbType.Double);
            await w.WriteAsync(1.0, NpgsqlDbType.Double);
            await w.WriteAsync(1, NpgsqlDbType.Integer);
            await w.WriteAsync(3, NpgsqlDbType.Integer);
            await w.WriteAsync(0.9, NpgsqlDbType.Double);
            await w.WriteAsync(3, NpgsqlDbType.Integer);
            await w.WriteAsync(1L, NpgsqlDbType.Bigint);
            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "AspNetUsers" ("Id","DisplayName","UserName","NormalizedUserName","Email","NormalizedEmail","EmailConfirmed","PasswordHash",
              "SecurityStamp","ConcurrencyStamp","PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var p in people)
            {
                await w.StartRowAsync();
                await w.WriteAsync(p.UserId, NpgsqlDbType.Uuid);
                await w.WriteAsync(p.DisplayName, NpgsqlDbType.Text);
                await w.WriteAsync(p.Email, NpgsqlDbType.Varchar);
                await w.WriteAsync(p.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await w.WriteAsync(p.Email, NpgsqlDbType.Varchar);
                await w.WriteAsync(p.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await w.WriteAsync(true, NpgsqlDbType.Boolean);
                await w.WriteAsync(hash, NpgsqlDbType.Text);
                await w.WriteAsync(Guid.NewGuid().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text);
                await w.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(true, NpgsqlDbType.Boolean);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
            }
            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "People" ("Id","UserId","DisplayName","Email","Role","IsActive","Version","OrganizationId") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var p in people)
            {
                await w.StartRowAsync();
                await w.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(p.UserId, NpgsqlDbType.Uuid);
                await w.WriteAsync(p.DisplayName, NpgsqlDbType.Varchar);
                await w.WriteAsync(p.Email, NpgsqlDbType.Varchar);
                await w.WriteAsync(p.OrgRole, NpgsqlDbType.Varchar);
                await w.WriteAsync(true, NpgsqlDbType.Boolean);
                await w.WriteAsync(1L, NpgsqlDbType.Bigint);
                await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
            }
            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "OrgUnits" ("Id","Name","Kind","ParentId","Version","OrganizationId") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var u in units)
            {
                await w.StartRowAsync();
                await w.WriteAsync(u.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(u.Name, NpgsqlDbType.Varchar);
                await w.WriteAsync(u.Kind, NpgsqlDbType.Varchar);
                if (u.Parent is { } parent) await w.WriteAsync(parent.Id, NpgsqlDbType.Uuid); else await w.WriteNullAsync();
                await w.WriteAsync(1L, NpgsqlDbType.Bigint);
                await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
            }
            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "UnitMemberships" ("Id","UnitId","PersonId","Role","OrganizationId") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var p in people)
            {
                await w.StartRowAsync();
                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await w.WriteAsync(p.UnitId, NpgsqlDbType.Uuid);
                await w.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(p.UnitRole, NpgsqlDbType.Varchar);
                await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
            }
            await w.CompleteAsync();
        }
        Log($"organisation, {people.Count} people and memberships, {units.Count} units: {sw.Elapsed.TotalSeconds:F1} s");

        // ---------------------------------------------------------------- the active quarter and its checkpoints
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO "Periods" ("Id","Name","Kind","Start","End","ParentId","State","Version","OrganizationId")
            VALUES (@id, @name, 'Quarter', @start, @end, NULL, 'Active', 1, @org)
            """, connection))
        {
            cmd.Parameters.AddWithValue("id", periodId);
            cmd.Parameters.AddWithValue("name", $"Bench quarter {start:yyyy-MM-dd}");
            cmd.Parameters.AddWithValue("start", start);
            cmd.Parameters.AddWithValue("end", end);
            cmd.Parameters.AddWithValue("org", orgId);
            await cmd.ExecuteNonQueryAsync();
        }
        var checkpoints = new (string Name, int Day)[]
        {
            ("Company OKRs published", -7), ("Team drafts due", 0), ("Alignment review", 7), ("Mid-quarter review", 45), ("Grading due", 91), ("Retrospective", 95),
        };
        foreach (var (name, day) in checkpoints)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO "Checkpoints" ("Id","PeriodId","Name","Date","Done","OrganizationId") VALUES (@id, @period, @name, @date, @done, @org)
                """, connection);
            cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
            cmd.Parameters.AddWithValue("period", periodId);
            cmd.Parameters.AddWithValue("name", name);
            cmd.Parameters.AddWithValue("date", start.AddDays(day));
            cmd.Parameters.AddWithValue("done", start.AddDays(day) < today);
            cmd.Parameters.AddWithValue("org", orgId);
            await cmd.ExecuteNonQueryAsync();
        }

        // ---------------------------------------------------------------- objectives, alignments, key results
        sw.Restart();
        var createdAt = new DateTimeOffset(start.AddDays(-10).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var activatedAt = createdAt.AddDays(9);
        var objectiveIds = new Guid[units.Count, ObjectivesPerUnit];
        foreach (var u in units)
            for (var k = 0; k < ObjectivesPerUnit; k++)
                objectiveIds[u.Index, k] = Guid.CreateVersion7();

        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "Objectives" ("Id","Title","Description","OwningUnitId","OwnerId","PeriodId","Type","State","Visibility","CreatedAt","ActivatedAt","Version","OrganizationId")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var u in units)
                for (var k = 0; k < ObjectivesPerUnit; k++)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(objectiveIds[u.Index, k], NpgsqlDbType.Uuid);
                    await w.WriteAsync($"{ObjectiveThemes[k]} for {u.Name}", NpgsqlDbType.Varchar);
                    await w.WriteAsync($"Why {u.Name} cares about this quarter: {ObjectiveThemes[k].ToLowerInvariant()}.", NpgsqlDbType.Varchar);
                    await w.WriteAsync(u.Id, NpgsqlDbType.Uuid);
                    await w.WriteAsync(people[u.LeadIndex].Id, NpgsqlDbType.Uuid);
                    await w.WriteAsync(periodId, NpgsqlDbType.Uuid);
                    await w.WriteAsync(k < 2 ? "Committed" : "Aspirational", NpgsqlDbType.Varchar);
                    await w.WriteAsync("Active", NpgsqlDbType.Varchar);
                    await w.WriteAsync("Public", NpgsqlDbType.Varchar);
                    await w.WriteAsync(createdAt, NpgsqlDbType.TimestampTz);
                    await w.WriteAsync(activatedAt, NpgsqlDbType.TimestampTz);
                    await w.WriteAsync(1L, NpgsqlDbType.Bigint);
                    await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
                }
            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "Alignments" ("Id","ChildObjectiveId","ParentObjectiveId","ParentKeyResultId","Kind","Weight","CreatedAt","Version","OrganizationId")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var u in units)
            {
                if (u.Parent is not { } parent) continue;
                for (var k = 0; k < ObjectivesPerUnit; k++)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await w.WriteAsync(objectiveIds[u.Index, k], NpgsqlDbType.Uuid);
                    await w.WriteAsync(objectiveIds[parent.Index, k], NpgsqlDbType.Uuid);
                    await w.WriteNullAsync();
                    await w.WriteAsync("Contributes", NpgsqlDbType.Varchar);
                    await w.WriteAsync(1m, NpgsqlDbType.Numeric);
                    await w.WriteAsync(activatedAt, NpgsqlDbType.TimestampTz);
                    await w.WriteAsync(1L, NpgsqlDbType.Bigint);
                    await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
                }
            }
            await w.CompleteAsync();
        }

        // Key results and their check-ins are written side by side (two connections): the check-ins are most of the data.
        var keyResults = new List<KeyResultRow>(units.Count * ObjectivesPerUnit * KeyResultsPerObjective);
        foreach (var u in units)
            for (var k = 0; k < ObjectivesPerUnit; k++)
                for (var r = 0; r < KeyResultsPerObjective; r++)
                {
                    var owner = people[u.MemberIndexes[(k * KeyResultsPerObjective + r) % MembersPerUnit]];
                    // Pace: how far along the plan this key result runs (on track, at risk, off track), and whether its owner stopped checking in.
                    var roll = _random.NextDouble();
                    var pace = roll < 0.55 ? 0.95 + _random.NextDouble() * 0.3 : roll < 0.8 ? 0.72 + _random.NextDouble() * 0.15 : 0.3 + _random.NextDouble() * 0.35;
                    var stopsAfterWeek = _random.NextDouble() < 0.08 ? 6 + _random.Next(5) : int.MaxValue;
                    keyResults.Add(new KeyResultRow(Guid.CreateVersion7(), objectiveIds[u.Index, k], u, owner.Id, r, pace, stopsAfterWeek));
                }

        // Check-in values per key result, computed up front so the key result carries its current value.
        long checkInCount = 0;
        foreach (var kr in keyResults)
        {
            var weeks = new List<(DateOnly Date, decimal Value, int Confidence)>(13);
            for (var week = 0; ; week++)
            {
                var date = start.AddDays(3 + 7 * week);
                if (date > today || week > kr.StopsAfterWeek) break;
                var expected = (date.DayNumber - start.DayNumber) / 91.0;
                var value = Math.Round(Math.Clamp(100 * expected * kr.Pace + (_random.NextDouble() - 0.3) * 4, 0, 120), 1);
                weeks.Add((date, (decimal)value, Math.Clamp((int)Math.Round(kr.Pace * 8 + _random.NextDouble() * 2 - 1), 2, 10)));
            }
            kr.Weeks = weeks;
            checkInCount += weeks.Count;
        }

        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "KeyResults" ("Id","ObjectiveId","OwningUnitId","OwnerId","Title","Description","MetricKind","Direction","UnitLabel","Baseline",
              "BaselineMeasuredAt","BaselineMethod","Target","CurrentValue","CurrentValueDate","Weight","IsFinancial","SortOrder","IsDeleted","Version","OrganizationId")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var kr in keyResults)
            {
                await w.StartRowAsync();
                await w.WriteAsync(kr.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(kr.ObjectiveId, NpgsqlDbType.Uuid);
                await w.WriteAsync(kr.Unit.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(kr.OwnerId, NpgsqlDbType.Uuid);
                await w.WriteAsync($"{KeyResultMetrics[kr.SortOrder]} ({kr.Unit.Name})", NpgsqlDbType.Varchar);
                await w.WriteNullAsync();
                await w.WriteAsync("Number", NpgsqlDbType.Varchar);
                await w.WriteAsync("Increase", NpgsqlDbType.Varchar);
                await w.WriteAsync("points", NpgsqlDbType.Varchar);
                await w.WriteAsync(0m, NpgsqlDbType.Numeric);
                await w.WriteAsync(start, NpgsqlDbType.Date);
                await w.WriteAsync("Weekly export from the team's tracker", NpgsqlDbType.Varchar);
                await w.WriteAsync(100m, NpgsqlDbType.Numeric);
                if (kr.Weeks.Count > 0)
                {
                    await w.WriteAsync(kr.Weeks[^1].Value, NpgsqlDbType.Numeric);
                    await w.WriteAsync(kr.Weeks[^1].Date, NpgsqlDbType.Date);
                }
                else
                {
                    await w.WriteNullAsync();
                    await w.WriteNullAsync();
                }
                await w.WriteAsync(1m, NpgsqlDbType.Numeric);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(kr.SortOrder, NpgsqlDbType.Integer);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(1L, NpgsqlDbType.Bigint);
                await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
            }
            await w.CompleteAsync();
        }
        Log($"{units.Count * ObjectivesPerUnit} objectives, {units.Count(u => u.Parent != null) * ObjectivesPerUnit} alignments, {keyResults.Count} key results: {sw.Elapsed.TotalSeconds:F1} s");

        sw.Restart();
        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "CheckIns" ("Id","KeyResultId","Value","Confidence","ReportedStatus","Narrative","Blockers","NextSteps","AuthorId","RecordedAt","EffectiveDate","OrganizationId")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            long written = 0;
            foreach (var kr in keyResults)
            {
                for (var i = 0; i < kr.Weeks.Count; i++)
                {
                    var (date, value, confidence) = kr.Weeks[i];
                    var latest = i == kr.Weeks.Count - 1;
                    var behind = kr.Pace < 0.7;
                    await w.StartRowAsync();
                    await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await w.WriteAsync(kr.Id, NpgsqlDbType.Uuid);
                    await w.WriteAsync(value, NpgsqlDbType.Numeric);
                    await w.WriteAsync(confidence, NpgsqlDbType.Integer);
                    if (latest) await w.WriteAsync(behind ? "OffTrack" : kr.Pace < 0.9 ? "AtRisk" : "OnTrack", NpgsqlDbType.Varchar); else await w.WriteNullAsync();
                    if (latest || i % 3 == 0 || behind) await w.WriteAsync(Narratives[(i + kr.SortOrder) % Narratives.Length], NpgsqlDbType.Varchar); else await w.WriteNullAsync();
                    if (latest && behind) await w.WriteAsync("Waiting on another team's release", NpgsqlDbType.Varchar); else await w.WriteNullAsync();
                    if (latest) await w.WriteAsync("Review the numbers with the lead on Monday", NpgsqlDbType.Varchar); else await w.WriteNullAsync();
                    await w.WriteAsync(kr.OwnerId, NpgsqlDbType.Uuid);
                    await w.WriteAsync(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero), NpgsqlDbType.TimestampTz);
                    await w.WriteAsync(date, NpgsqlDbType.Date);
                    await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
                    if (++written % 500_000 == 0) Log($"  check-ins: {written:N0} / {checkInCount:N0}, {sw.Elapsed.TotalSeconds:F0} s");
                }
            }
            await w.CompleteAsync();
        }
        Log($"{checkInCount:N0} check-ins: {sw.Elapsed.TotalSeconds:F1} s");

        // ---------------------------------------------------------------- initiatives: one per unit, on its first key result
        var unitFirstKr = keyResults.Where(k => k.SortOrder == 0 && k.ObjectiveId == objectiveIds[k.Unit.Index, 0]).ToDictionary(k => k.Unit.Index);
        var initiativeIds = units.Select(_ => Guid.CreateVersion7()).ToArray();
        string[] statuses = ["Planned", "InProgress", "InProgress", "Done", "InProgress", "Planned", "InProgress", "Done", "InProgress", "Blocked"];
        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "Initiatives" ("Id","Title","Status","OwnerId","UnitId","StartDate","DueDate","External_System","External_Key","External_Url","Version","OrganizationId")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var u in units)
            {
                await w.StartRowAsync();
                await w.WriteAsync(initiativeIds[u.Index], NpgsqlDbType.Uuid);
                await w.WriteAsync($"Delivery work of {u.Name}", NpgsqlDbType.Varchar);
                await w.WriteAsync(statuses[u.Index % statuses.Length], NpgsqlDbType.Varchar);
                await w.WriteAsync(people[u.LeadIndex].Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(u.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(start, NpgsqlDbType.Date);
                await w.WriteAsync(end, NpgsqlDbType.Date);
                await w.WriteAsync("jira", NpgsqlDbType.Varchar);
                await w.WriteAsync($"OKR-{u.Index + 1}", NpgsqlDbType.Varchar);
                await w.WriteAsync($"https://jira.example.test/browse/OKR-{u.Index + 1}", NpgsqlDbType.Varchar);
                await w.WriteAsync(1L, NpgsqlDbType.Bigint);
                await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
            }
            await w.CompleteAsync();
        }
        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY "InitiativeKeyResults" ("Id","InitiativeId","KeyResultId","OrganizationId") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var u in units)
            {
                await w.StartRowAsync();
                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await w.WriteAsync(initiativeIds[u.Index], NpgsqlDbType.Uuid);
                await w.WriteAsync(unitFirstKr[u.Index].Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(orgId, NpgsqlDbType.Uuid);
            }
            await w.CompleteAsync();
        }

        await Exec(connection, "SET session_replication_role = DEFAULT");
        sw.Restart();
        await Exec(connection, "VACUUM (ANALYZE)");
        Log($"VACUUM ANALYZE: {sw.Elapsed.TotalSeconds:F1} s");
        Log($"generated in {total.Elapsed.TotalSeconds:F1} s");

        // ---------------------------------------------------------------- what the runner needs
        var divisions = units.Where(u => u.Kind == "Division").ToList();
        var division = divisions[0];
        var team = units.First(u => u.Kind == "Team" && u.Division == division);
        var member = people[team.MemberIndexes[0]];
        var teamObjective = objectiveIds[team.Index, 1];
        var otherTeam = units.Where(u => u.Kind == "Team").Skip(1).First();
        return new Fixtures
        {
            Scale = scale.Name,
            OrganizationId = orgId,
            PeriodId = periodId,
            PeriodStart = start,
            PeriodEnd = end,
            CompanyId = units[0].Id,
            DivisionIds = divisions.Select(d => d.Id).ToList(),
            AdminEmail = "admin@bench.test",
            MemberEmail = member.Email,
            MemberPersonId = member.Id,
            Password = password,
            ObjectiveId = teamObjective,
            CheckInKeyResultIds = keyResults.Where(k => k.Unit.Kind == "Team" && k.Weeks.Count > 0).Skip(100).Take(200).Select(k => k.Id).ToList(),
            ContendedKeyResultId = keyResults.First(k => k.ObjectiveId == objectiveIds[otherTeam.Index, 2]).Id,
            SiblingKeyResultIds = keyResults.Where(k => k.ObjectiveId == objectiveIds[otherTeam.Index, 3]).Select(k => k.Id).ToList(),
            Counts = new Dictionary<string, long>
            {
                ["units"] = units.Count, ["people"] = people.Count, ["objectives"] = units.Count * ObjectivesPerUnit,
                ["keyResults"] = keyResults.Count, ["checkIns"] = checkInCount, ["generationSeconds"] = (long)total.Elapsed.TotalSeconds,
            },
        };
    }

    /// <summary>company → divisions → 4 departments each → the remaining units as teams, spread evenly over the departments.</summary>
    private static List<UnitRow> BuildUnits(int count)
    {
        var units = new List<UnitRow>(count);
        UnitRow Add(string name, string kind, UnitRow? parent, UnitRow? division)
        {
            var u = new UnitRow(Guid.CreateVersion7(), units.Count, name, kind, parent) { Division = division };
            units.Add(u);
            return u;
        }
        var divisionCount = Math.Max(3, (int)Math.Round(count / 125.0));
        var company = Add("Bench Corp", "Company", null, null);
        var departments = new List<UnitRow>();
        for (var d = 0; d < divisionCount; d++)
        {
            var division = Add($"Division {Letters(d)}", "Division", company, null);
            division.Division = division;
            for (var p = 0; p < DepartmentsPerDivision; p++)
                departments.Add(Add($"Department {Letters(d)}{p + 1}", "Department", division, division));
        }
        for (var t = 0; units.Count < count; t++)
        {
            var department = departments[t % departments.Count];
            Add($"Team {department.Name[11..]}-{t / departments.Count + 1}", "Team", department, department.Division);
        }
        return units;
    }

    private static string Letters(int i) => i < 26 ? ((char)('A' + i)).ToString() : Letters(i / 26 - 1) + (char)('A' + i % 26);

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static void Log(string message) => Console.Error.WriteLine($"[generate] {message}");

    private static readonly string[] ObjectiveThemes =
        ["Make it easy for the right customers to buy", "Delight the people who already use us", "Ship with confidence every week", "Grow a team people want to join"];

    private static readonly string[] KeyResultMetrics =
        ["Raise the activation score", "Raise weekly active accounts", "Raise the release confidence index", "Raise the onboarding satisfaction score"];

    private static readonly string[] Narratives =
    [
        "Steady week: the experiment is paying off.", "Slower than planned: two people were out.", "Good momentum after the launch review.",
        "Numbers moved after the pricing change.", "Flat this week; looking into the funnel drop.",
    ];

    private sealed record PersonRow(Guid Id, Guid UserId, string DisplayName, string Email, string OrgRole, Guid UnitId, string UnitRole);

    private sealed class UnitRow(Guid id, int index, string name, string kind, UnitRow? parent)
    {
        public Guid Id { get; } = id;
        public int Index { get; } = index;
        public string Name { get; } = name;
        public string Kind { get; } = kind;
        public UnitRow? Parent { get; } = parent;
        public UnitRow? Division { get; set; }
        public int LeadIndex { get; set; }
        public int[] MemberIndexes { get; set; } = [];
    }

    private sealed class KeyResultRow(Guid id, Guid objectiveId, UnitRow unit, Guid ownerId, int sortOrder, double pace, int stopsAfterWeek)
    {
        public Guid Id { get; } = id;
        public Guid ObjectiveId { get; } = objectiveId;
        public UnitRow Unit { get; } = unit;
        public Guid OwnerId { get; } = ownerId;
        public int SortOrder { get; } = sortOrder;
        public double Pace { get; } = pace;
        public int StopsAfterWeek { get; } = stopsAfterWeek;
        public List<(DateOnly Date, decimal Value, int Confidence)> Weeks { get; set; } = [];
    }
}

internal sealed record Scale(string Name, int Units)
{
    public static Scale Parse(string name) => name.ToUpperInvariant() switch
    {
        "S" => new("S", 100),
        "M" => new("M", 1_000),
        "L" => new("L", 10_000),
        _ => throw new ArgumentException($"Unknown scale '{name}': S, M or L."),
    };
}

/// <summary>What the generator made that the runner asks for; written as JSON between the two steps.</summary>
internal sealed class Fixtures
{
    public string Scale { get; init; } = "";
    public Guid OrganizationId { get; init; }
    public Guid PeriodId { get; init; }
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public Guid CompanyId { get; init; }
    public List<Guid> DivisionIds { get; init; } = [];
    public string AdminEmail { get; init; } = "";
    public string MemberEmail { get; init; } = "";
    public Guid MemberPersonId { get; init; }
    public string Password { get; init; } = "";
    public Guid ObjectiveId { get; init; }
    public List<Guid> CheckInKeyResultIds { get; init; } = [];
    public Guid ContendedKeyResultId { get; init; }
    public List<Guid> SiblingKeyResultIds { get; init; } = [];
    public Dictionary<string, long> Counts { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
}
