using FaceJobs.Core.Data;

namespace FaceJobs.Web.Pages;

public static class StageStatusExtensions
{
    /// <summary>
    /// The one meaning of "finished" for the progress pages: the stage has a recorded outcome (succeeded, failed or
    /// not needed) and no job is pending or running for it, so the page stops polling.
    /// </summary>
    public static bool IsFinished(this StageStatus status) => status is StageStatus.Succeeded or StageStatus.Failed or StageStatus.Skipped;
}
