using ServerlessInApp.Core.Outcomes;

namespace ServerlessInApp.Functions.Pinpoint;

/// <summary>Pinpoint's error classes: the SDK picks the exception from x-amzn-ErrorType, not from the status.</summary>
public static class PinpointErrors
{
    public static (int Status, string Type) For(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest => (400, "BadRequestException"),
        ErrorKind.NotFound => (404, "NotFoundException"),
        ErrorKind.Conflict => (409, "ConflictException"),
        ErrorKind.PayloadTooLarge => (413, "PayloadTooLargeException"),
        _ => (500, "InternalServerErrorException"),
    };

    public const int MethodNotAllowedStatus = 405;
    public const string MethodNotAllowed = "MethodNotAllowedException";
    public const string Internal = "InternalServerErrorException";
}
