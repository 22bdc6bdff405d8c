namespace ServerlessInApp.Functions.Pinpoint;

public sealed record ResultRow(IReadOnlyList<ResultRowValue> GroupedBys, IReadOnlyList<ResultRowValue> Values);
