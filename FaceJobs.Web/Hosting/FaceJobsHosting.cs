using FaceJobs.Core;
using FaceJobs.Core.Data;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Web.Accounts;
using FaceJobs.Web.Api;
using FaceJobs.Web.Audit;
using Hangfire;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Hosting;

/// <summary>Registers and wires FaceJobs for the role this process plays.</summary>
public static class FaceJobsHosting
{
    public static FaceJobsRole AddFaceJobs(this WebApplicationBuilder builder)
    {
        var role = builder.Configuration.GetValue("FaceJobs:Role", FaceJobsRole.All);
        var services = builder.Services;
        services.AddFaceJobsData(builder.Configuration);
        services.AddFaceJobsVision(builder.Configuration);
        services.AddFaceJobsPipeline();
        services.AddFaceJobsHangfire(builder.Configuration, role);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        if (role != FaceJobsRole.Worker)
        {
            services.AddFaceJobsAuth();
            services.AddFaceJobsApi();
            services.AddSingleton<PipelineActivity>();
            services.AddSingleton<AuditTrail>();
            services.AddScoped<PhotoUploads>();
            services.AddRazorPages(pages =>
            {
                pages.Conventions.AuthorizeFolder("/", Roles.ViewerPolicy);
                pages.Conventions.AuthorizeFolder("/Admin", Roles.AdminPolicy);
                pages.Conventions.AllowAnonymousToPage(AuthSetup.SignInPath);
                pages.Conventions.AllowAnonymousToPage("/Account/Denied");
                pages.Conventions.AllowAnonymousToPage("/Error");
                pages.Conventions.ConfigureFilter(new RequestTooLargeFilter());
                pages.Conventions.AddFolderApplicationModelConvention("/", model =>
                {
                    if (!model.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal) && model.ViewEnginePath != "/Error")
                        model.Filters.Add(new OperatorActionsFilter());
                });
            });
            // Each file is checked against Upload:MaxFileBytes with a clear message; the request as a whole may
            // carry a full batch of such files (multipart parts beyond 64 KiB are buffered to disk, not memory).
            var upload = builder.Configuration.GetSection(UploadOptions.SectionName).Get<UploadOptions>() ?? new UploadOptions();
            var requestLimit = upload.MaxFileBytes * upload.MaxFilesPerRequest + 1024 * 1024;
            services.AddUploadLimits(upload);
            services.AddSingleton<LargeRequestMemory>();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = requestLimit);
            services.Configure<FormOptions>(form =>
            {
                form.MultipartBodyLengthLimit = requestLimit;
                form.ValueCountLimit = 64;
            });
        }

        return role;
    }

    /// <summary>Runs the app's migrations and, on SQLite, makes sure this is the only process using the files.</summary>
    public static async Task PrepareStorageAsync(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider == StorageProvider.Sqlite)
        {
            var hangfire = app.Services.GetRequiredService<IOptions<HangfireOptions>>().Value;
            var guard = SqliteSingleProcessGuard.Acquire(Path.GetFullPath(hangfire.SqliteFile, app.Environment.ContentRootPath));
            app.Lifetime.ApplicationStopped.Register(guard.Dispose);
        }

        // Hangfire.PostgreSql prepares its schema without a lock of its own; processes starting together take turns.
        await using (var startup = storage.Provider == StorageProvider.PostgreSql ? await PostgreSqlStartupLock.AcquireAsync(storage.ConnectionString) : null)
        {
            if (storage.MigrateOnStartup)
                await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

            // The first use of the job storage prepares its schema.
            var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
            recurring.AddOrUpdate<ResumeStalledContinuationsJob>(
                ResumeStalledContinuationsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
            recurring.AddOrUpdate<StartUnscheduledPipelinesJob>(
                StartUnscheduledPipelinesJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
            // Registered whatever Retention:PhotoDays says here: the process that runs it reads its own setting.
            recurring.AddOrUpdate<DeleteExpiredPhotosJob>(
                DeleteExpiredPhotosJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        }
    }

    public static void UseFaceJobs(this WebApplication app, FaceJobsRole role)
    {
        app.UseSecurityHeaders(HangfireSetup.DashboardPath);
        app.MapHealthChecks("/health").AllowAnonymous();
        if (role == FaceJobsRole.Worker)
            return;

        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseApiProblemDetails();
        app.UseStaticFiles();
        app.Use(app.Services.GetRequiredService<LargeRequestMemory>().TrackAsync);
        app.UseRouting();
        // Before authentication, which reads the account from the database on every request: a burst of uploads then
        // waits for its slots instead of asking the connection pool for a connection each at once (an anonymous upload
        // holds a slot only until the authorization middleware refuses it, before its body is read).
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<DashboardAuditMiddleware>(HangfireSetup.DashboardPath);
        app.MapRazorPages();
        app.MapMediaEndpoints();
        app.MapFaceJobsApi();
        app.MapFaceJobsApiDocument();
        app.MapFaceJobsDashboard();
    }
}
