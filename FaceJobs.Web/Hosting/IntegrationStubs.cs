// TEMPORARY: stands in for the vision registration until that branch merges. Deleted at merge.
namespace FaceJobs.Core.Faces { public static class VisionStub { public static IServiceCollection AddFaceJobsVision(this IServiceCollection s, IConfiguration c) => s; } }
