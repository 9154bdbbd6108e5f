using Okr.Domain.Common;

namespace Okr.Domain.Units;

/// <summary>
/// A unit's maintained progress in one period (ADR 0024): the sum and count of its counted objectives' progress (active
/// or closed, restricted ones included), alone and with every unit below it. The sums are fixed-point integers
/// (<see cref="Scale"/> per unit of progress), so adding and removing the same values in any order, from any number of
/// concurrent writers, leaves them exact: no floating-point drift, and a rebuild finds exactly what the increments left.
/// Not an aggregate: derived, written by the persistence layer only, never edited.
/// </summary>
public sealed class UnitProgressSums : ITenantOwned
{
    /// <summary>Fixed-point units per 1.0 of progress: a mean is exact to 5·10⁻¹³, and a period holds up to 9 million objectives.</summary>
    public const long Scale = 1_000_000_000_000;

    private UnitProgressSums() { }

    public UnitProgressSums(Guid organizationId, Guid unitId, Guid periodId)
    {
        Guard.NotEmpty(organizationId, nameof(organizationId));
        OrganizationId = organizationId;
        UnitId = unitId;
        PeriodId = periodId;
    }

    /// <summary>A row with the sums a recomputation found.</summary>
    public UnitProgressSums(Guid organizationId, Guid unitId, Guid periodId, long ownSum, int ownCount, long subtreeSum, int subtreeCount)
        : this(organizationId, unitId, periodId)
    {
        (OwnSum, OwnCount, SubtreeSum, SubtreeCount) = (ownSum, ownCount, subtreeSum, subtreeCount);
    }

    public Guid OrganizationId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid PeriodId { get; private set; }

    /// <summary>Sum of the unit's own counted objectives' progress, in <see cref="Scale"/> units.</summary>
    public long OwnSum { get; private set; }
    public int OwnCount { get; private set; }

    /// <summary>The same over the unit and every unit below it.</summary>
    public long SubtreeSum { get; private set; }
    public int SubtreeCount { get; private set; }

    /// <summary>One objective's progress in fixed point (rounded to the nearest, ties to even).</summary>
    public static long ToFixed(double progress) => (long)Math.Round(progress * Scale, MidpointRounding.ToEven);

    /// <summary>The mean progress a sum and count stand for; 0 with no objective (as <c>UnitProgress.Compute</c>).</summary>
    public static double Mean(long sum, int count) => count == 0 ? 0 : (double)sum / Scale / count;

    public double Own => Mean(OwnSum, OwnCount);
    public double WithDescendants => Mean(SubtreeSum, SubtreeCount);
}
