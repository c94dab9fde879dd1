using System.Threading.RateLimiting;
using FaceJobs.Core.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;

namespace FaceJobs.Web.Hosting;

/// <summary>
/// Keeps memory bounded under many uploads: a few upload requests are read at a time, a few more wait unread, the
/// rest get 503 at once; a body over the request limit gets the 413 page however far it had got.
/// </summary>
public static class UploadLimits
{
    public const string PolicyName = "uploads";

    public static void AddUploadLimits(this IServiceCollection services, UploadOptions upload)
    {
        services.AddRateLimiter(limiter =>
        {
            // One partition for the whole process: the limit is on memory, not on any one person.
            limiter.AddPolicy(PolicyName, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetConcurrencyLimiter("uploads", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = upload.MaxConcurrentRequests,
                    QueueLimit = upload.QueuedRequests,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("read"));
            limiter.OnRejected = (context, _) =>
            {
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == PolicyName)
                {
                    context.HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.HttpContext.Response.Headers.RetryAfter = "10";
                }

                return ValueTask.CompletedTask;
            };
        });
    }
}

/// <summary>
/// Reads the form before antiforgery does: antiforgery turns any failure to read it into a 400 "form expired",
/// where a body over Kestrel's limit (refused up front by its Content-Length, or cut off mid-read when chunked)
/// deserves the 413 page.
/// </summary>
public sealed class RequestTooLargeFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue + 1;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        // The error page re-executed for this same request must not stumble over the same body again.
        if (!request.HasFormContentType || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            return;
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (IsTooLarge(e))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }

    /// <summary>
    /// Whether reading a form failed on a size limit: Kestrel's body limit (refused up front by its Content-Length, or
    /// cut off mid-read when chunked) or FormOptions' own limits (multipart body length, value count), which say so in
    /// an InvalidDataException. The API's uploads ask the same.
    /// </summary>
    public static bool IsTooLarge(Exception e) => e switch
    {
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge,
        InvalidDataException invalid => invalid.Message.Contains("limit", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
