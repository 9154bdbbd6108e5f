namespace Okr.Domain.Common;

/// <summary>Column sizes, shared by the domain guards, the validators and the EF model.</summary>
public static class TextLimits
{
    public const int Name = 200;
    public const int Title = 300;
    public const int Email = 256;
    public const int LongText = 8000;
    public const int Code = 64;
    public const int Url = 2048;
}
