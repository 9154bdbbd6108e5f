namespace Okr.Application.Common.Interfaces;

/// <summary>A command that may carry the version the caller last read (from If-Match): stale answers 412.</summary>
public interface IExpectVersion
{
    long? ExpectedVersion { get; }
}
