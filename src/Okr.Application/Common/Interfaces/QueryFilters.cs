namespace Okr.Application.Common.Interfaces;

/// <summary>The names of the global query filters, for code that must lift one of them on purpose.</summary>
public static class QueryFilters
{
    /// <summary>Scopes rows to the caller's organisation. Lifted only to find out who the caller is.</summary>
    public const string Tenant = "Tenant";

    /// <summary>Hides soft-deleted key results and comments.</summary>
    public const string SoftDelete = "SoftDelete";
}
