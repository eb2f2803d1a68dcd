using ObstacleRegister.Access;
using ObstacleRegister.Amendments;
using ObstacleRegister.Api;
using ObstacleRegister.Api.Http;
using ObstacleRegister.BuildingBlocks;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.Notifications;
using ObstacleRegister.Obstacles;
using ObstacleRegister.Regulations;
using ObstacleRegister.Reports;
using ObstacleRegister.Webhooks;

// A service manager starts the process from anywhere (systemd from /): settings and relative paths are the
// service's own folder's, not the working directory's, unless a content root is given explicitly.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostFolders.ContentRoot(args) });

builder.Services.AddBuildingBlocks(builder.Configuration);
builder.Services.AddDatabaseMigrations(typeof(Program).Assembly);
builder.Services.AddMediator(ModuleAssemblies.All);
builder.Services.AddSingleton(new ObstacleRegister.BuildingBlocks.Changes.EventCatalogue(ModuleAssemblies.EventNames));
builder.Services.AddAccess(builder.Configuration);
builder.Services.AddRegulations(builder.Configuration);
builder.Services.AddObstacles();
builder.Services.AddAmendments(builder.Configuration);
builder.Services.AddReports();
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.AddHttpPipeline();

var app = builder.Build();
if (AdminCommands.Names(args))
{
    return await AdminCommands.Run(app, args);
}


app.UseHttpPipeline();
// Every endpoint, the API, the site and the documents, answers HEAD wherever it answers GET.
var register = app.MapGroup("").AnswersHead();
var api = register.MapGroup("/api/v1")
    .AddEndpointFilterFactory(ObstacleRegister.BuildingBlocks.Http.QueryContract.Filter)
    .AddEndpointFilterFactory(ObstacleRegister.BuildingBlocks.Validation.ClientDates.QueryFilter);
api.MapAccess();
api.MapRegulations();
api.MapObstacles();
api.MapAmendments();
api.MapReports();
api.MapWebhooks();
api.MapChanges();
register.MapOperationalEndpoints();
register.MapPublicSite();
register.MapAccessPages();
register.MapObstaclePages();
register.MapAmendmentPages();

app.Run();
return 0;

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
