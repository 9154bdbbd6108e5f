using GraphQL;
using GraphQL.Types;
using Okr.Application.Common.Interfaces;

namespace Okr.Api.GraphQL.Types;

public sealed class MailFileGraphType : ObjectGraphType<MailFileView>
{
    public MailFileGraphType()
    {
        Name = "MailFile";
        Description = "An email written as a file because no SMTP server is configured.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<LongGraphType>>("size").Description("Bytes.").Resolve(c => c.Source.Size);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("writtenAt").Resolve(c => c.Source.WrittenAt);
        Field<StringGraphType>("to").Resolve(c => c.Source.To);
        Field<StringGraphType>("subject").Resolve(c => c.Source.Subject);
        Field<StringGraphType>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("downloadUrl").Resolve(c => $"/api/mail-files/{Uri.EscapeDataString(c.Source.Name)}");
    }
}
