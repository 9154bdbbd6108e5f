namespace Okr.Infrastructure.Persistence.Migrations;

/// <summary>
/// Gives the audit events written before <c>AuditEvent.Kind</c> existed the kind their command would write now, from
/// the command name they recorded (the last place a command's name is matched: the history reads the kind). Standard SQL
/// with double-quoted names, as <see cref="AuditHistoryBackfill"/>.
/// </summary>
internal static class AuditKindBackfill
{
    private static string Kind(string action, string kind) =>
        $"""UPDATE "AuditEvents" SET "Kind" = '{kind}' WHERE "Action" = '{action}';""";

    public static readonly string Sql = string.Join('\n',
        Kind("RecordCheckIn", "CheckIn"),
        Kind("RollOverObjective", "ObjectiveRollOver"),
        Kind("OverrideObjectiveGrade", "ObjectiveGradeOverride"),
        Kind("OverrideKeyResultGrade", "KeyResultGradeOverride"),
        Kind("ClosePeriod", "PeriodClose"));
}
