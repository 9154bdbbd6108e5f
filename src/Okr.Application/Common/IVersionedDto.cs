namespace Okr.Application.Common;

/// <summary>A representation that carries its aggregate's version, sent as the ETag.</summary>
public interface IVersionedDto
{
    long Version { get; }
}
