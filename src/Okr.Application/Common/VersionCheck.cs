using Okr.Application.Common.Exceptions;
using Okr.Domain.Common;

namespace Okr.Application.Common;

public static class VersionCheck
{
    /// <summary>
    /// When the caller says which version they read (If-Match), a different current version means someone else
    /// changed it meanwhile: 412, and nothing is written.
    /// </summary>
    public static void EnsureVersion(this IVersioned entity, long? expected)
    {
        if (expected is { } version && entity.Version != version)
            throw new ConcurrencyException(
                $"This {entity.GetType().Name} changed since you read it (you have version {version}, the current one is {entity.Version}). Reload it and try again.");
    }
}
