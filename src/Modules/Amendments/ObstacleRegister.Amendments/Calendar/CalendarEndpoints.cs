using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Amendments.Calendar;

internal static class CalendarEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static void MapCalendarFeeds(this IEndpointRouteBuilder api)
    {
        var feeds = api.MapGroup("/calendar-feeds").WithTags("Calendar");

        feeds.MapPost("/", async (CreateCalendarFeedBody? body, HttpRequest http, PublicAddress address, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateCalendarFeed(CalendarFeedRules.Name(body), address.BaseFor(http)), ct);
                return TypedResults.Created($"/api/v1/calendar-feeds/{created.Feed.Id}", created);
            })
            .WithName("CreateCalendarFeed")
            .WithSummary("Create a calendar address of your unit's deadlines")
            .WithDescription("Any key, for its own unit. The answer holds the address (url), shown this once: subscribe to it in Outlook or " +
                "Google Calendar, which cannot send a key. It lists the unit's open amendments on their due dates and follows moved deadlines.")
            .Produces<CreatedCalendarFeedDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        feeds.MapGet("/", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCalendarFeeds(Cursor.Limit(limit), cursor), ct)))
            .WithName("ListCalendarFeeds")
            .WithSummary("List your unit's calendar addresses")
            .WithDescription("Without the addresses themselves, which are shown only when created. Newest first, paged by cursor.")
            .ProducesValidationProblem();

        feeds.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeCalendarFeed(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeCalendarFeed")
            .WithSummary("Revoke a calendar address")
            .WithDescription("Its address answers 404 from now on. Keys of the unit, and admins.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/calendar/{token}", async (string token, string? lang, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var language = lang switch
                {
                    null or "" or "vi" => RegisterTexts.Vietnamese,
                    "en" => RegisterTexts.English,
                    _ => throw RequestValidationException.For("lang", Say.Text("Validation.Lang")),
                };
                var text = await mediator.Send(new GetCalendar(token, language), ct);
                // The address is a secret: shared caches must not keep it; the calendar program may for a few minutes.
                http.Response.Headers.CacheControl = "private, max-age=300";
                return TypedResults.Text(text, ContentType);
            })
            .AllowAnonymous()
            .RequireRateLimiting(PublicAccess.RateLimitPolicy)
            .WithTags("Calendar")
            .WithName("GetCalendar")
            .WithSummary("A unit's deadlines as iCalendar")
            .WithDescription("No key: the address created by POST /calendar-feeds is the secret. text/calendar (RFC 5545): each open " +
                "amendment's due date, and the stages it planned and has not reached. Vietnamese, or English with lang=en.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
