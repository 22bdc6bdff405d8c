namespace ServerlessInApp.Core.Outcomes;

/// <summary>What a use case returns: a value, or a client mistake with a message that names the field.</summary>
public sealed record Outcome<T>(T? Value, ErrorKind? Error, string? Message)
{
    public bool IsSuccess => Error is null;

    public static Outcome<T> Ok(T value) => new(value, null, null);
    public static Outcome<T> Fail(ErrorKind kind, string message) => new(default, kind, message);
    public static Outcome<T> BadRequest(string message) => Fail(ErrorKind.BadRequest, message);
    public static Outcome<T> NotFound(string message) => Fail(ErrorKind.NotFound, message);

    public Outcome<TOther> As<TOther>() => new(default, Error, Message);

    public static implicit operator Outcome<T>(T value) => Ok(value);
}
