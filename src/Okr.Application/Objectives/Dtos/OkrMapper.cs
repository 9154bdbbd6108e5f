using Okr.Application.KeyResults.Dtos;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Riok.Mapperly.Abstractions;

namespace Okr.Application.Objectives.Dtos;

/// <summary>Domain → REST DTOs, generated at compile time by Mapperly.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class OkrMapper
{
    public static ObjectiveDto ToDto(this Objective objective) => Map(objective) with
    {
        KeyResults = objective.LiveKeyResults.OrderBy(k => k.SortOrder).Select(ToDto).ToList(),
    };

    [MapperIgnoreTarget(nameof(ObjectiveDto.KeyResults))]
    private static partial ObjectiveDto Map(Objective objective);

    private static partial RaciEntry Map(RaciAssignment assignment);

    private static partial RetrospectiveDto Map(Retrospective retrospective);

    public static partial KeyResultDto ToDto(this KeyResult keyResult);

    public static partial CheckInDto ToDto(this CheckIn checkIn);
}
