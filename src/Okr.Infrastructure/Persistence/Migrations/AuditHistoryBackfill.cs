namespace Okr.Infrastructure.Persistence.Migrations;

/// <summary>
/// Files the audit events written before <c>AuditEvent.ObjectiveId</c> existed under their objective, from the rows
/// they name that still exist. Standard SQL with double-quoted names, which SQLite, PostgreSQL and SQL Server
/// (QUOTED_IDENTIFIER is on for every connection EF opens) all read the same. Events of rows deleted before this
/// migration stay unfiled: their objective is only in their JSON.
/// </summary>
internal static class AuditHistoryBackfill
{
    private const string ObjectiveOfKeyResult = """(SELECT k."ObjectiveId" FROM "KeyResults" k WHERE k."Id" = t."KeyResultId")""";

    private static string ViaKeyResult(string entityType, string table) => $"""
        UPDATE "AuditEvents" SET "ObjectiveId" = (SELECT {ObjectiveOfKeyResult.Replace("t.", "x.", StringComparison.Ordinal)} FROM "{table}" x WHERE x."Id" = "AuditEvents"."EntityId")
        WHERE "EntityType" = '{entityType}' AND "ObjectiveId" IS NULL;
        """;

    public static readonly string Sql = string.Join('\n',
        """UPDATE "AuditEvents" SET "ObjectiveId" = "EntityId" WHERE "EntityType" = 'Objective' OR "EntityType" LIKE 'Objective.%';""",
        """UPDATE "AuditEvents" SET "ObjectiveId" = (SELECT k."ObjectiveId" FROM "KeyResults" k WHERE k."Id" = "AuditEvents"."EntityId") WHERE "EntityType" = 'KeyResult';""",
        """
        UPDATE "AuditEvents" SET
            "ObjectiveId" = (SELECT a."ChildObjectiveId" FROM "Alignments" a WHERE a."Id" = "AuditEvents"."EntityId"),
            "RelatedObjectiveId" = (SELECT a."ParentObjectiveId" FROM "Alignments" a WHERE a."Id" = "AuditEvents"."EntityId")
        WHERE "EntityType" = 'Alignment';
        """,
        """UPDATE "AuditEvents" SET "ObjectiveId" = (SELECT r."ObjectiveId" FROM "RaciAssignments" r WHERE r."Id" = "AuditEvents"."EntityId") WHERE "EntityType" = 'RaciAssignment';""",
        """UPDATE "AuditEvents" SET "ObjectiveId" = (SELECT c."ObjectiveId" FROM "Comments" c WHERE c."Id" = "AuditEvents"."EntityId") WHERE "EntityType" = 'Comment';""",
        ViaKeyResult("Comment", "Comments"),
        ViaKeyResult("CheckIn", "CheckIns"),
        ViaKeyResult("InitiativeKeyResult", "InitiativeKeyResults"),
        ViaKeyResult("KpiKeyResult", "KpiKeyResults"),
        ViaKeyResult("AnnotationTarget", "AnnotationTargets"));
}
