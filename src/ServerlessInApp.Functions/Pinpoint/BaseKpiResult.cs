namespace ServerlessInApp.Functions.Pinpoint;

public sealed record BaseKpiResult(IReadOnlyList<ResultRow> Rows);
