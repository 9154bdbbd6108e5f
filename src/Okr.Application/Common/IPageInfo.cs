namespace Okr.Application.Common;

/// <summary>Where a page of a cursor-paginated list stands (GraphQL's PageInfo).</summary>
public interface IPageInfo
{
    bool HasNextPage { get; }
    bool HasPreviousPage { get; }
    string? StartCursor { get; }
    string? EndCursor { get; }
}
