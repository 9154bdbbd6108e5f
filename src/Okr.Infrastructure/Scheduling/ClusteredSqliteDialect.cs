using System.Data.Common;
using Quartz.Impl.AdoJobStore;

namespace Okr.Infrastructure.Scheduling;

/// <summary>
/// Quartz's SQL for SQLite, clustered. Quartz's own <see cref="SQLiteDelegate"/> refuses clustering and locks in
/// memory (one process per file); this delegate speaks the same dialect (its LIMIT/OFFSET overrides, copied) without
/// that refusal, and <see cref="QuartzScheduling"/> pairs it with <see cref="UpdateRowLockHandler"/>: each scheduler
/// transaction starts by updating its lock row in QRTZ_LOCKS, and since Microsoft.Data.Sqlite begins transactions
/// IMMEDIATE, that takes SQLite's single writer lock, so the nodes sharing the file take turns (ADR 0025).
/// </summary>
public sealed class ClusteredSqliteDialect : StdAdoDelegate
{
    protected override string ApplyPaging(string sql, bool takeLimited) =>
        takeLimited ? sql + " LIMIT @pageTake OFFSET @pageSkip" : sql + " LIMIT -1 OFFSET @pageSkip";

    protected override void AddPagingParameters(DbCommand cmd, int skip, int take, bool takeLimited)
    {
        if (takeLimited)
            AddCommandParameter(cmd, "pageTake", take);
        AddCommandParameter(cmd, "pageSkip", skip);
    }

    protected override SqlRowLimit GetRowLimit(int count) => SqlRowLimit.AtStatementEnd("LIMIT", count);
}
