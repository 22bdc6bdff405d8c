using ServerlessInApp.Functions.Lambda;

namespace ServerlessInApp.Functions;

/// <summary>A Lambda function body: raw event JSON in, raw response JSON out. One implementation per function.</summary>
public interface IFunction
{
    Task<Stream> Handle(Stream input, Invocation context);
}
