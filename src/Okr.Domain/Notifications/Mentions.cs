namespace Okr.Domain.Notifications;

/// <summary>
/// Who a text names with <c>@</c>: "@Display Name" (as the picker writes it) or "@the part of their email before the @",
/// matched without regard to case and only where the name ends (a letter or digit right after it is another word).
/// The longest name wins where one starts another ("@Lee Lead" is not "@Lee").
/// </summary>
public static class Mentions
{
    public static IReadOnlySet<Guid> Find(string text, IEnumerable<(Guid PersonId, string DisplayName, string Email)> people)
    {
        var found = new HashSet<Guid>();
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal))
            return found;
        var names = people
            .SelectMany(p => new[] { (p.PersonId, Name: p.DisplayName.Trim()), (p.PersonId, Name: LocalPart(p.Email)) })
            .Where(n => n.Name.Length > 0)
            .OrderByDescending(n => n.Name.Length)
            .ToList();
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            // An address (name@example.com) is not a mention: the @ must start the text or follow a non-word character.
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                continue;
            foreach (var (personId, name) in names)
            {
                var end = at + 1 + name.Length;
                if (end <= text.Length && string.Compare(text, at + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    found.Add(personId);
                    break;
                }
            }
        }
        return found;
    }

    private static string LocalPart(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? email[..at] : string.Empty;
    }
}
