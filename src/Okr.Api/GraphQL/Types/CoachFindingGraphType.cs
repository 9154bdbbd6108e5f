using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Domain.Coaching;

namespace Okr.Api.GraphQL.Types;

public sealed class CoachFindingGraphType : ObjectGraphType<CoachFinding>
{
    public CoachFindingGraphType()
    {
        Name = "CoachFinding";
        Description = "A quality finding of the OKR coach, with a stable rule id.";
        Field<NonNullGraphType<StringGraphType>>("ruleId").Resolve(c => c.Source.RuleId);
        Field<NonNullGraphType<EnumerationGraphType<FindingSeverity>>>("severity").Resolve(c => c.Source.Severity);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<EnumerationGraphType<FindingSubject>>>("subject").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Resolve(c => c.Source.SubjectId);
        Field<ObjectiveGraphType>("objective").Resolve(c => c.Source.Subject == FindingSubject.Objective ? c.Objective(c.Source.SubjectId, asOf: null) : null);
        Field<KeyResultGraphType>("keyResult").Resolve(c => c.Source.Subject == FindingSubject.KeyResult ? c.KeyResult(c.Source.SubjectId, asOf: null) : null);
        Field<OrgUnitGraphType>("unit").Resolve(c => c.Source.Subject == FindingSubject.Unit ? c.Unit(c.Source.SubjectId) : null);
    }
}
