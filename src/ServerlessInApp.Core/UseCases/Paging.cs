using ServerlessInApp.Core.Outcomes;

namespace ServerlessInApp.Core.UseCases;

public static class Paging
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>Pinpoint sends page sizes as strings; a non-number or out-of-range value is a client mistake.</summary>
    public static Outcome<int> PageSize(string? value, string field = "page-size")
    {
        if (value is null) return DefaultPageSize;
        return int.TryParse(value, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : Outcome<int>.BadRequest($"{field} must be a whole number from 1 to {MaxPageSize}.");
    }
}
