using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Okr.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Text longer than its column is refused as a validation failure naming the property, before the database sees it:
/// PostgreSQL and SQL Server would fail the statement, SQLite would store it. Validators give the same limits to each
/// command; this is what catches a limit a validator lacks (and ASP.NET Core Identity's own writes). See ADR 0017.
/// </summary>
public sealed class TextLengthInterceptor : OkrSaveInterceptor
{
    protected override Task SavingAsync(OkrDbContext db, bool async, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        foreach (var entry in SaveInterceptors.ChangedEntries(db).Where(e => e.State is EntityState.Added or EntityState.Modified))
            foreach (var property in entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties)))
                if (property.CurrentValue is string text && property.Metadata.GetMaxLength() is { } limit && text.Length > limit
                    && !property.Metadata.Name.StartsWith("Normalized", StringComparison.Ordinal))
                    failures.Add(new(property.Metadata.Name, $"At most {limit} characters."));
        if (failures.Count > 0)
            throw new ValidationException(failures);
        return Task.CompletedTask;
    }
}
