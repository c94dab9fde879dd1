// TEMPORARY: stands in for the data and vision registrations until those branches merge. Deleted at merge.
using FaceJobs.Core.Data;
namespace FaceJobs.Core.Data { public sealed class DatabaseMigrator { public Task MigrateAsync() => Task.CompletedTask; } public static class DataStub { public static IServiceCollection AddFaceJobsData(this IServiceCollection s, IConfiguration c) => s; } }
namespace FaceJobs.Core.Faces { public static class VisionStub { public static IServiceCollection AddFaceJobsVision(this IServiceCollection s, IConfiguration c) => s; } }
