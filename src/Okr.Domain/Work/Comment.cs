using Okr.Domain.Common;
using Okr.Domain.Notifications;

namespace Okr.Domain.Work;

/// <summary>Discussion on an objective or a key result: peer critique on drafts, questions during the quarter.</summary>
public sealed class Comment : TenantAggregate
{
    private Comment() { Text = string.Empty; }

    public Comment(Guid organizationId, Guid? objectiveId, Guid? keyResultId, Guid authorId, string text, DateTimeOffset now) : base(organizationId)
    {
        if ((objectiveId is null) == (keyResultId is null))
            throw new DomainRuleException("comment.target", "A comment is on exactly one objective or one key result.");
        ObjectiveId = objectiveId;
        KeyResultId = keyResultId;
        AuthorId = authorId;
        Text = Guard.Text(text, "Text", TextLimits.LongText);
        CreatedAt = now;
        Raise(new CommentPosted(Id, objectiveId, keyResultId, authorId, Text));
        Raise(new CommentCreated(OrganizationId, Id, ObjectiveId, KeyResultId));
    }

    public Guid? ObjectiveId { get; private set; }
    public Guid? KeyResultId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public bool IsDeleted { get; private set; }

    public void Edit(string text, Guid editorId, DateTimeOffset now)
    {
        EnsureAuthor(editorId);
        Text = Guard.Text(text, "Text", TextLimits.LongText);
        EditedAt = now;
    }

    public void Delete(Guid editorId, bool isModerator)
    {
        if (!isModerator) EnsureAuthor(editorId);
        IsDeleted = true;
    }

    private void EnsureAuthor(Guid personId)
    {
        if (personId != AuthorId)
            throw new DomainRuleException("comment.not_author", "Only the author can change a comment.");
    }
}
