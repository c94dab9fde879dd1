namespace FaceJobs.Web.Pages.Shared;

/// <summary>One pipeline stage as the pages show it, linked to its job in the dashboard.</summary>
public sealed record StageBadge(string Label, FaceJobs.Core.Data.StageStatus Status, string? JobId);
