using FaceJobs.Core.Alerts;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Core.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Upload intake, the jobs and what they need besides data and vision (see AddFaceJobsData, AddFaceJobsVision).</summary>
    public static IServiceCollection AddFaceJobsPipeline(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RecognitionOptions>().BindConfiguration(RecognitionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ImageValidator>();
        services.AddSingleton<WatchlistMatcher>();
        services.AddSingleton<WatchlistIndex>();
        services.AddSingleton<BackgroundCpu>();
        services.AddSingleton<DecodedPhotoHandOff>();
        services.AddSingleton<PipelineStarter>();
        services.AddHostedService(provider => provider.GetRequiredService<PipelineStarter>());
        services.AddSingleton<IdentifiableFaces>();
        services.AddSingleton<AlertMessageFactory>();
        services.AddSingleton<IAlertSender>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AlertOptions>>();
            return string.IsNullOrWhiteSpace(options.Value.SmtpHost)
                ? new PickupDirectoryAlertSender(options, provider.GetRequiredService<IHostEnvironment>().ContentRootPath)
                : new SmtpAlertSender(options);
        });

        services.AddScoped<PhotoIntake>();
        services.AddScoped<PhotoPipeline>();
        services.AddScoped<PhotoDeletion>();
        services.AddScoped<WatchlistEnrollment>();
        services.AddScoped<PhotoStageRunner>();
        services.AddScoped<DetectFacesJob>();
        services.AddScoped<RecognizeFacesJob>();
        services.AddScoped<SendAlertsJob>();
        services.AddScoped<EnrollReferenceJob>();
        services.AddScoped<RecheckPhotosJob>();
        services.AddScoped<ResumeStalledContinuationsJob>();
        services.AddScoped<StartUnscheduledPipelinesJob>();
        services.AddScoped<DeleteExpiredPhotosJob>();
        return services;
    }
}
