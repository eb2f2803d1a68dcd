// The ceiling a read is measured against: Kestrel answering a small JSON object, with nothing of the register behind
// it (no key check, no database, no pipeline behaviours), in the same run, on the same cores, under the same wrk.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var answer = new Ceiling("01936b2e-7c4a-7d10-9f3e-2a5b8c1d4e6f", "VM-2026-000118", "Quy định chồng chéo về cấp phép viễn thông", "submitted");
app.MapGet("/json", () => TypedResults.Ok(answer));
await app.RunAsync();

/// <summary>An answer about the size of an obstacle's public header.</summary>
internal sealed record Ceiling(string Id, string Reference, string Title, string Status);
