namespace Okr.Infrastructure.Scheduling;

/// <summary><c>Scheduler:*</c>: this replica's node of the clustered Quartz scheduler (ADR 0025).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>
    /// Whether this replica runs jobs. Off, its scheduler still registers the jobs and triggers in the shared store
    /// (and reads them for the admin page) but never starts, so the other replicas run everything.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs this replica runs at once.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// How often a node records in the store that it is alive; a node silent for longer than this plus
    /// <see cref="ClusterCheckinMisfireSeconds"/> is taken for dead, and the others recover its jobs.
    /// </summary>
    public int ClusterCheckinSeconds { get; set; } = 15;

    public int ClusterCheckinMisfireSeconds { get; set; } = 20;

    /// <summary>How late a trigger may fire before it counts as misfired and its misfire instruction applies.</summary>
    public int MisfireThresholdSeconds { get; set; } = 60;
}
