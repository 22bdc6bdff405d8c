namespace ServerlessInApp.Functions.Pinpoint;

public static class PinpointHeaders
{
    public const string RequestId = "x-amzn-RequestId";
    public const string ErrorType = "x-amzn-ErrorType";
    public const string ContentType = "Content-Type";
    public const string Json = "application/json";
}
