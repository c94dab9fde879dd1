using FaceJobs.Core.Data.Repositories;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaceJobs.Web.Hosting;

/// <summary>Healthy when the app's database answers a query.</summary>
public sealed class DatabaseHealthCheck(IPhotoRepository photos) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await photos.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database did not answer.", e);
        }
    }
}
