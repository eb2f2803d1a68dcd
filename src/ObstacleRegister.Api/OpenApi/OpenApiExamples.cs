using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// What reflection cannot tell the schema generator: realistic examples for request bodies (so Swagger UI's
/// "Try it out" starts from something valid), which of their nullable fields are really required, and that
/// enums travel as strings.
/// </summary>
internal static class OpenApiExamples
{
    private static readonly Dictionary<string, string[]> RequiredByTypeName = new(StringComparer.Ordinal)
    {
        ["RegulationBody"] = ["symbol", "type", "title", "issuer", "issuedOn"],
        ["RegisterUnitBody"] = ["code", "name", "kind"],
        ["CreateApiKeyBody"] = ["unitId", "roles", "name"],
        ["PersonBody"] = ["email", "name", "unitId", "roles"],
        ["SubmitObstacleBody"] = ["title", "description", "category", "severity", "proposal", "regulations"],
        ["CitedRegulationBody"] = ["regulationId", "provision"],
        ["RejectBody"] = ["reason"],
        ["ReopenBody"] = ["reason"],
        ["DuplicateBody"] = ["duplicateOfId"],
        ["TriageNoteBody"] = [],
        ["InformationRequestBody"] = ["question"],
        ["CommentBody"] = ["text"],
        ["CorrectObstacleBody"] = [],
        ["OpenAmendmentBody"] = ["regulationId", "kind", "title", "draftingUnitId", "responsibleOfficial", "dueOn"],
        ["ResponsibleOfficialBody"] = ["name", "position"],
        ["PlannedDatesBody"] = [],
        ["LinkObstaclesBody"] = ["obstacleIds"],
        ["ReportProgressBody"] = ["note"],
        ["MoveDeadlineBody"] = ["dueOn", "reason"],
        ["IssueAmendmentBody"] = ["documentSymbol", "issuedOn", "effectiveOn"],
        ["CancelAmendmentBody"] = ["reason"],
        ["RegisterWebhookBody"] = ["url", "eventTypes"],
        ["RecordReviewBody"] = ["outcome"],
        ["CreateCalendarFeedBody"] = [],
    };

    private static readonly Dictionary<string, Func<JsonNode>> ByTypeName = new(StringComparer.Ordinal)
    {
        ["RegulationBody"] = () => new JsonObject
        {
            ["symbol"] = "13/2023/NĐ-CP",
            ["type"] = "decree",
            ["title"] = "Nghị định về bảo vệ dữ liệu cá nhân",
            ["issuer"] = "Chính phủ",
            ["issuedOn"] = "2023-04-17",
            ["effectiveOn"] = "2023-07-01",
            ["status"] = "in_force",
            ["guidesId"] = null,
        },
        ["RegisterUnitBody"] = () => new JsonObject
        {
            ["code"] = "BTTTT",
            ["name"] = "Bộ Thông tin và Truyền thông",
            ["kind"] = "ministry",
            ["parentId"] = null,
        },
        ["SubmitObstacleBody"] = () => new JsonObject
        {
            ["title"] = "Quy định chồng chéo về thời hạn cấp giấy phép viễn thông",
            ["description"] = "Điều 5 Nghị định 13/2023/NĐ-CP và Điều 12 Thông tư 01/2024/TT-BTTTT quy định khác nhau về thời hạn cấp phép.",
            ["category"] = "conflict",
            ["severity"] = "high",
            ["proposal"] = "amend",
            ["impact"] = "Hơn 200 doanh nghiệp bị chậm cấp phép mỗi quý.",
            ["contact"] = "Vụ Pháp chế, 024 3943 0000",
            ["regulations"] = new JsonArray(new JsonObject
            {
                ["regulationId"] = "0193b2a4-7c1e-7d3a-9f00-1a2b3c4d5e6f",
                ["provision"] = "Điều 5, khoản 2, điểm a",
            }),
        },
        ["CitedRegulationBody"] = () => new JsonObject
        {
            ["regulationId"] = "0193b2a4-7c1e-7d3a-9f00-1a2b3c4d5e6f",
            ["provision"] = "Điều 5, khoản 2",
        },
        ["RejectBody"] = () => new JsonObject
        {
            ["reason"] = "Không phải vướng mắc: khoản 2 Điều 5 đã được hướng dẫn tại Thông tư 01/2024/TT-BTTTT.",
        },
        ["ReopenBody"] = () => new JsonObject
        {
            ["reason"] = "Sở vẫn yêu cầu bản sao chứng thực theo hướng dẫn cũ dù Thông tư mới đã có hiệu lực.",
        },
        ["DuplicateBody"] = () => new JsonObject
        {
            ["duplicateOfId"] = "0193b2a4-9a10-7c2e-8d11-2b3c4d5e6f70",
            ["note"] = "Cùng phản ánh khoản 2 Điều 5 với VM-2026-000042.",
        },
        ["TriageNoteBody"] = () => new JsonObject { ["note"] = "Đã xác minh với đơn vị phản ánh." },
        ["InformationRequestBody"] = () => new JsonObject { ["question"] = "Đề nghị gửi kèm văn bản của Sở hướng dẫn thời hạn cấp phép đang áp dụng." },
        ["CommentBody"] = () => new JsonObject { ["text"] = "Đã gửi Công văn số 120/SCT-QLTM của Sở Công Thương." },
        ["CorrectObstacleBody"] = () => new JsonObject { ["severity"] = "critical", ["impact"] = "Hơn 300 doanh nghiệp viễn thông bị chậm cấp phép." },
        ["OpenAmendmentBody"] = () => new JsonObject
        {
            ["regulationId"] = "0193b2a4-7c1e-7d3a-9f00-1a2b3c4d5e6f",
            ["kind"] = "amend",
            ["title"] = "Sửa đổi, bổ sung Điều 5 Thông tư 01/2024/TT-BTTTT về thời hạn cấp phép",
            ["draftingUnitId"] = "0193b2a4-8b2f-7e4b-a011-2b3c4d5e6f70",
            ["responsibleOfficial"] = ResponsibleOfficial(),
            ["dueOn"] = "2026-06-30",
            ["shortenedProcedure"] = true,
            ["plannedDates"] = PlannedDates(),
            ["obstacleIds"] = new JsonArray("0193b2a4-9a10-7c2e-8d11-2b3c4d5e6f70", "0193b2a4-9a10-7c2e-8d11-2b3c4d5e6f71"),
        },
        ["ResponsibleOfficialBody"] = ResponsibleOfficial,
        ["PlannedDatesBody"] = PlannedDates,
        ["LinkObstaclesBody"] = () => new JsonObject { ["obstacleIds"] = new JsonArray("0193b2a4-9a10-7c2e-8d11-2b3c4d5e6f72") },
        ["ReportProgressBody"] = () => new JsonObject
        {
            ["stage"] = "drafting",
            ["note"] = "Đã hoàn thành dự thảo lần 1, gửi xin ý kiến các Vụ trong Bộ.",
            ["blockers"] = "Chưa thống nhất với Bộ Tài chính về mức phí.",
            ["resourcesRequested"] = "Đề nghị Lãnh đạo Bộ chủ trì họp liên bộ trong tuần tới.",
        },
        ["MoveDeadlineBody"] = () => new JsonObject
        {
            ["dueOn"] = "2026-08-31",
            ["reason"] = "Chờ Luật Viễn thông (sửa đổi) được thông qua tại kỳ họp tháng 6.",
        },
        ["IssueAmendmentBody"] = () => new JsonObject
        {
            ["documentSymbol"] = "05/2026/TT-BTTTT",
            ["issuedOn"] = "2026-06-15",
            ["effectiveOn"] = "2026-08-01",
            ["title"] = "Thông tư sửa đổi, bổ sung một số điều của Thông tư 01/2024/TT-BTTTT",
        },
        ["RegisterWebhookBody"] = () => new JsonObject
        {
            ["url"] = "https://congdichvu.example.gov.vn/webhooks/obstacle-register",
            ["eventTypes"] = new JsonArray("obstacle.accepted", "obstacle.rejected", "obstacle.resolved", "amendment.*"),
            ["unitId"] = "0193b2a4-7c1e-7d3a-9f00-1a2b3c4d5e6f",
            ["description"] = "Cổng dịch vụ công của Bộ: báo cho Vụ Pháp chế khi vướng mắc được trả lời",
            ["format"] = "cloudevents",
        },
        ["RecordReviewBody"] = () => new JsonObject
        {
            ["outcome"] = "amendment_opened",
            ["amendmentId"] = "0193b2a4-9a10-7c2e-8d11-2b3c4d5e6f72",
            ["note"] = "Sửa Điều 7 Nghị định cho khớp với Luật mới.",
        },
        ["CreateCalendarFeedBody"] = () => new JsonObject
        {
            ["name"] = "Lịch thời hạn của Vụ Pháp chế",
        },
        ["CancelAmendmentBody"] = () => new JsonObject
        {
            ["reason"] = "Vướng mắc được xử lý bằng văn bản hướng dẫn; không cần sửa đổi thông tư.",
        },
        ["CreateApiKeyBody"] = () => new JsonObject
        {
            ["unitId"] = "0193b2a4-7c1e-7d3a-9f00-1a2b3c4d5e6f",
            ["roles"] = new JsonArray("reporter"),
            ["name"] = "Cổng thông tin điện tử của Bộ",
        },
        ["PersonBody"] = () => new JsonObject
        {
            ["email"] = "nguyen.thi.lan@mic.gov.vn",
            ["name"] = "Nguyễn Thị Lan",
            ["unitId"] = "0193b2a4-7c1e-7d3a-9f00-1a2b3c4d5e6f",
            ["roles"] = new JsonArray("reporter", "drafter"),
        },
    };

    private static JsonObject ResponsibleOfficial() => new() { ["name"] = "Nguyễn Văn B", ["position"] = "Thứ trưởng" };

    private static JsonObject PlannedDates() => new() { ["drafting"] = "2026-04-15", ["submitted"] = "2026-06-01" };

    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
        }

        if (ByTypeName.TryGetValue(type.Name, out var example))
        {
            schema.Examples = [example()];
        }

        if (RequiredByTypeName.TryGetValue(type.Name, out var required))
        {
            schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }
}
