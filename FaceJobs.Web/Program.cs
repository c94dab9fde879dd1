using FaceJobs.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositoryRootSettings();
var role = builder.AddFaceJobs();

var app = builder.Build();
await app.PrepareStorageAsync();
app.UseFaceJobs(role);
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
