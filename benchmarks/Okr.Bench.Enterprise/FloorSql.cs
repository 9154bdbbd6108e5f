namespace Okr.Bench.Enterprise;

/// <summary>
/// The floor: hand-written SQL that returns the rows each GraphQL query needs (units, objectives, key results with
/// their owners, latest check-in, least-squares trend and progress computed in SQL, alignment parents), in as few
/// statements as a careful person would write. What remains for any implementation is rolling progress up the
/// alignment tree and serialising, which is cheap next to reading the rows.
/// Parameters: @org, @period, @start, @end (dates of the period), @today, @expected (expected progress, 0..1),
/// and @root / @id / @person where a query has them.
/// </summary>
internal static class FloorSql
{
    /// <summary>The subtree of @root (recursive), with each unit's depth.</summary>
    private const string Subtree = """
        WITH RECURSIVE sub AS (
          SELECT u."Id", u."ParentId", u."Name", 0 AS depth FROM "OrgUnits" u WHERE u."Id" = @root AND u."OrganizationId" = @org
          UNION ALL
          SELECT u."Id", u."ParentId", u."Name", sub.depth + 1 FROM "OrgUnits" u JOIN sub ON u."ParentId" = sub."Id"
        )
        """;

    /// <summary>The subtree of @root down to @depth levels, with each unit's depth (the recursion stops at the cut).</summary>
    private const string SubtreeLevels = """
        WITH RECURSIVE sub AS (
          SELECT u."Id", u."ParentId", u."Name", 0 AS depth FROM "OrgUnits" u WHERE u."Id" = @root AND u."OrganizationId" = @org
          UNION ALL
          SELECT u."Id", u."ParentId", u."Name", sub.depth + 1 FROM "OrgUnits" u JOIN sub ON u."ParentId" = sub."Id" WHERE sub.depth < @depth
        )
        """;

    /// <summary>A key result's latest check-in (a backward index scan), and the least-squares line through its check-ins.</summary>
    private const string CheckInAggregate = """
        LEFT JOIN LATERAL (
          SELECT c."Value" AS last_value, c."EffectiveDate" AS last_date, c."Confidence" AS last_confidence,
                 c."Narrative" AS last_narrative, c."Blockers" AS last_blockers
          FROM "CheckIns" c
          WHERE c."KeyResultId" = k."Id" AND c."EffectiveDate" <= @today
          ORDER BY c."EffectiveDate" DESC, c."RecordedAt" DESC LIMIT 1
        ) lc ON true
        LEFT JOIN LATERAL (
          SELECT count(*) AS n,
                 regr_slope(c."Value"::float8, (c."EffectiveDate" - @start)::float8) AS slope,
                 regr_intercept(c."Value"::float8, (c."EffectiveDate" - @start)::float8) AS intercept
          FROM "CheckIns" c
          WHERE c."KeyResultId" = k."Id" AND c."EffectiveDate" <= @today
        ) ch ON true
        """;

    private const string Progress = """
        LEAST(GREATEST((COALESCE(lc.last_value, k."Baseline") - k."Baseline") / NULLIF(k."Target" - k."Baseline", 0), 0), 1)
        """;

    private const string KeyResultColumns = $"""
        k."Id" AS kr_id, k."Title" AS kr_title, kp."DisplayName" AS kr_owner, k."Baseline", k."Target", k."CurrentValue", k."UnitLabel",
        ch.n, lc.last_value, lc.last_date, lc.last_confidence, lc.last_narrative,
        {Progress} AS progress,
        ch.intercept + ch.slope * (@end - @start) AS projected_value
        """;

    /// <summary>The signed-in person by id: what the API's smallest authenticated answer needs.</summary>
    public const string Me = """
        SELECT p."Id", p."DisplayName" FROM "People" p WHERE p."Id" = @person AND p."OrganizationId" = @org;
        """;

    public const string Objective = $"""
        SELECT o."Id", o."Title", o."State", o."Type", op."DisplayName", {KeyResultColumns}
        FROM "Objectives" o
        LEFT JOIN "People" op ON op."Id" = o."OwnerId"
        JOIN "KeyResults" k ON k."ObjectiveId" = o."Id" AND NOT k."IsDeleted"
        LEFT JOIN "People" kp ON kp."Id" = k."OwnerId"
        {CheckInAggregate}
        WHERE o."Id" = @id AND o."OrganizationId" = @org
        ORDER BY k."SortOrder";

        SELECT a."Kind", a."Weight", p."Id", p."Title", pk."Id", pk."Title"
        FROM "Alignments" a
        JOIN "Objectives" p ON p."Id" = a."ParentObjectiveId"
        LEFT JOIN "KeyResults" pk ON pk."Id" = a."ParentKeyResultId"
        WHERE a."ChildObjectiveId" = @id AND a."OrganizationId" = @org;
        """;

    public const string KeyResult = $"""
        SELECT o."Id", o."Title", {KeyResultColumns}
        FROM "KeyResults" k
        JOIN "Objectives" o ON o."Id" = k."ObjectiveId"
        LEFT JOIN "People" kp ON kp."Id" = k."OwnerId"
        {CheckInAggregate}
        WHERE k."Id" = @id AND k."OrganizationId" = @org AND NOT k."IsDeleted";
        """;

    /// <summary>
    /// The alignment map of @root's subtree: its objectives with their unit and maintained progress (status is a
    /// comparison the API makes in memory), the alignments that touch them, and the objectives at the other ends.
    /// </summary>
    public const string AlignmentGraph = $"""
        {Subtree}
        SELECT o."Id", o."Title", o."State", o."Progress", sub."Id", sub."Name"
        FROM sub JOIN "Objectives" o ON o."OwningUnitId" = sub."Id" AND o."PeriodId" = @period AND o."OrganizationId" = @org;

        {Subtree},
        mine AS (SELECT o."Id" FROM sub JOIN "Objectives" o ON o."OwningUnitId" = sub."Id" AND o."PeriodId" = @period AND o."OrganizationId" = @org)
        SELECT a."Id", a."ChildObjectiveId", a."ParentObjectiveId", a."ParentKeyResultId", a."Kind", a."Weight",
               other."Id", other."Title", other."State", other."Progress", ou."Id", ou."Name"
        FROM "Alignments" a
        JOIN "Objectives" other ON other."Id" = CASE WHEN a."ChildObjectiveId" IN (SELECT "Id" FROM mine) THEN a."ParentObjectiveId" ELSE a."ChildObjectiveId" END
        JOIN "OrgUnits" ou ON ou."Id" = other."OwningUnitId"
        WHERE a."OrganizationId" = @org
          AND (a."ChildObjectiveId" IN (SELECT "Id" FROM mine) OR a."ParentObjectiveId" IN (SELECT "Id" FROM mine));
        """;

    public const string MyKeyResults = $"""
        SELECT o."Id" AS objective_id, o."Title" AS objective_title, o."State", {KeyResultColumns}
        FROM "KeyResults" k
        JOIN "Objectives" o ON o."Id" = k."ObjectiveId"
        LEFT JOIN "People" kp ON kp."Id" = k."OwnerId"
        {CheckInAggregate}
        WHERE k."OrganizationId" = @org AND o."PeriodId" = @period AND o."State" <> 'Cancelled' AND NOT k."IsDeleted"
          AND (k."OwnerId" = @person OR k."OwningUnitId" IN (SELECT m."UnitId" FROM "UnitMemberships" m WHERE m."PersonId" = @person))
        ORDER BY lc.last_date NULLS FIRST, (k."OwnerId" = @person) DESC, o."Id", k."SortOrder";
        """;

    /// <summary>The units of <c>sub</c> with their objectives and key results (owners, latest check-in, trend, progress).</summary>
    private const string TreeRows = $"""
        SELECT sub."Id", sub."ParentId", sub.depth, sub."Name",
               o."Id" AS objective_id, o."Title", o."State", o."Type", op."DisplayName",
               {KeyResultColumns}
        FROM sub
        LEFT JOIN "Objectives" o ON o."OwningUnitId" = sub."Id" AND o."PeriodId" = @period AND o."OrganizationId" = @org
        LEFT JOIN "People" op ON op."Id" = o."OwnerId"
        LEFT JOIN "KeyResults" k ON k."ObjectiveId" = o."Id" AND NOT k."IsDeleted"
        LEFT JOIN "People" kp ON kp."Id" = k."OwnerId"
        {CheckInAggregate}
        ORDER BY sub.depth, sub."Name", o."CreatedAt", o."Id", k."SortOrder";
        """;

    /// <summary>The alignment parents of the objectives of the units of <c>sub</c>.</summary>
    private const string TreeParents = """
        SELECT a."ChildObjectiveId", a."Kind", a."Weight", p."Id", p."Title", pk."Id", pk."Title"
        FROM sub
        JOIN "Objectives" o ON o."OwningUnitId" = sub."Id" AND o."PeriodId" = @period AND o."OrganizationId" = @org
        JOIN "Alignments" a ON a."ChildObjectiveId" = o."Id"
        JOIN "Objectives" p ON p."Id" = a."ParentObjectiveId"
        LEFT JOIN "KeyResults" pk ON pk."Id" = a."ParentKeyResultId";
        """;

    public const string Tree = $"""
        {Subtree}
        {TreeRows}

        {Subtree}
        {TreeParents}
        """;

    /// <summary>
    /// The tree of @root cut at @depth levels: the units and objectives down to the cut as <see cref="Tree"/> reads them,
    /// and each unit's progress with everything below it (the mean of the maintained progress of the active and closed
    /// objectives of its whole subtree, grouped in SQL).
    /// </summary>
    public const string TreeLevels = $"""
        {SubtreeLevels}
        {TreeRows}

        {SubtreeLevels}
        {TreeParents}

        WITH RECURSIVE sub AS (
          SELECT u."Id", ARRAY[u."Id"] AS path, 0 AS depth FROM "OrgUnits" u WHERE u."Id" = @root AND u."OrganizationId" = @org
          UNION ALL
          SELECT u."Id", CASE WHEN sub.depth < @depth THEN sub.path || u."Id" ELSE sub.path END, sub.depth + 1
          FROM "OrgUnits" u JOIN sub ON u."ParentId" = sub."Id"
        )
        SELECT top_unit, avg(o."Progress") AS progress_with_descendants
        FROM sub
        CROSS JOIN LATERAL unnest(sub.path) AS top_unit
        JOIN "Objectives" o ON o."OwningUnitId" = sub."Id" AND o."PeriodId" = @period AND o."OrganizationId" = @org
          AND o."State" IN ('Active', 'Closed')
        GROUP BY top_unit;
        """;

    /// <summary>Statuses as the domain states them (stale: no check-in within cadence + grace; on track ≥ 0.9·expected unless confidence ≤ 3; at risk ≥ 0.7·expected).</summary>
    public const string Dashboard = $"""
        {Subtree}, krs AS (
          SELECT k."Id", k."Title", kp."DisplayName" AS owner, lc.last_date, lc.last_confidence, lc.last_narrative, lc.last_blockers,
                 {Progress} AS progress
          FROM sub
          JOIN "Objectives" o ON o."OwningUnitId" = sub."Id" AND o."PeriodId" = @period AND o."OrganizationId" = @org AND o."State" <> 'Cancelled'
          JOIN "KeyResults" k ON k."ObjectiveId" = o."Id" AND NOT k."IsDeleted"
          LEFT JOIN "People" kp ON kp."Id" = k."OwnerId"
          {CheckInAggregate}
        ), classified AS (
          SELECT krs.*, CASE
              WHEN last_date IS NULL OR last_date < @today - 10 THEN 'stale'
              WHEN progress >= 0.9 * @expected AND last_confidence > 3 THEN 'onTrack'
              WHEN progress >= 0.7 * @expected THEN 'atRisk'
              ELSE 'offTrack' END AS status
          FROM krs
        )
        SELECT status, count(*) AS n, avg(progress) AS avg_progress,
               count(*) FILTER (WHERE last_date > @today - 7) AS checked_in_this_week,
               json_agg(json_build_object('id', "Id", 'title', "Title", 'owner', owner, 'progress', progress,
                          'narrative', last_narrative, 'blockers', last_blockers, 'lastCheckIn', last_date) ORDER BY progress)
                 FILTER (WHERE status <> 'onTrack') AS items
        FROM classified GROUP BY status;

        {Subtree}
        SELECT i."Title", ip."DisplayName", i."External_System", i."External_Key", i."External_Url"
        FROM sub JOIN "Initiatives" i ON i."UnitId" = sub."Id" AND i."Status" = 'Blocked'
        LEFT JOIN "People" ip ON ip."Id" = i."OwnerId";

        SELECT c."Name", c."Date", c."Done" FROM "Checkpoints" c WHERE c."PeriodId" = @period ORDER BY c."Date";
        """;
}
