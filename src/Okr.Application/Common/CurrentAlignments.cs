using Okr.Application.Common.Interfaces;
using Okr.Domain.Objectives;

namespace Okr.Application.Common;

/// <summary>
/// The alignments that still link two objectives. Deleting a key result removes the alignments made to it, but rows left
/// from before that rule (or written around it) must not count either: an alignment to a deleted key result is neither
/// counted, drawn, graded nor a duplicate. Its child objective stays.
/// </summary>
public static class CurrentAlignments
{
    /// <summary>Alignments to an objective, or to a key result that is not deleted (the key results' soft-delete filter hides those that are).</summary>
    public static IQueryable<Alignment> LiveAlignments(this IOkrDbContext db) =>
        db.Alignments.Where(a => a.ParentKeyResultId == null || db.KeyResults.Any(k => k.Id == a.ParentKeyResultId));
}
