namespace ServerlessInApp.Core.Outcomes;

/// <summary>The kinds of client mistake a use case reports; the HTTP edge maps each to a Pinpoint exception.</summary>
public enum ErrorKind
{
    BadRequest,
    NotFound,
    Conflict,
    PayloadTooLarge,
}
