using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;

namespace Okr.Application.OkrGraph.Queries.GetDashboard;

/// <summary>What an owner last wrote on a key result: the words of its latest check-in.</summary>
public sealed record LatestCheckIn(Guid KeyResultId, string? Narrative, string? Blockers, string? NextSteps, DateTimeOffset RecordedAt, DateOnly EffectiveDate);

public static class LatestCheckIns
{
    /// <summary>The latest check-in of each key result known at <paramref name="now"/> (by effective date, then recording): one statement.</summary>
    public static async Task<Dictionary<Guid, LatestCheckIn>> LoadAsync(IOkrDbContext db, List<Guid> keyResultIds, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keyResultIds);
        if (keyResultIds.Count == 0) return [];
        var rows = await db.CheckIns.AsNoTracking()
            .Where(c => EF.Parameter(keyResultIds).Contains(c.KeyResultId))
            .Select(c => new LatestCheckIn(c.KeyResultId, c.Narrative, c.Blockers, c.NextSteps, c.RecordedAt, c.EffectiveDate))
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return rows.Where(c => c.RecordedAt <= now && c.EffectiveDate <= today)
            .GroupBy(c => c.KeyResultId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.EffectiveDate).ThenBy(c => c.RecordedAt).Last());
    }
}
