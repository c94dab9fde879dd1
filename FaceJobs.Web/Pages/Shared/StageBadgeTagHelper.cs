using FaceJobs.Core.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FaceJobs.Web.Pages.Shared;

/// <summary>
/// <c>&lt;stage-badge label="detect" status="…" job-id="…" /&gt;</c>: one pipeline stage as the pages show it, linked to
/// its job in the dashboard. A tag helper rather than a partial view: the photo list shows three a row, 75 a page, and a
/// partial costs each its own view context and view data (docs/performance.md, the page's allocations).
/// </summary>
[HtmlTargetElement("stage-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StageBadgeTagHelper : TagHelper
{
    public string Label { get; set; } = "";

    public StageStatus Status { get; set; }

    public string? JobId { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"stage stage-{Status.ToString().ToLowerInvariant()}");
        output.Attributes.SetAttribute("data-stage", Label);

        var status = new TagBuilder("strong");
        status.InnerHtml.Append(Status.ToString());
        output.Content.Append(Label).AppendHtml(": ").AppendHtml(status);
        if (JobId is null)
            return;

        var job = new TagBuilder("a");
        job.Attributes["href"] = $"/hangfire/jobs/details/{JobId}";
        job.Attributes["title"] = $"Open job {JobId} in the dashboard";
        job.InnerHtml.Append($"job {JobId}");
        output.Content.AppendHtml(" ").AppendHtml(job);
    }
}
