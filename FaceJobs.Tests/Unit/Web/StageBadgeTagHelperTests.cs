using System.Text.Encodings.Web;
using FaceJobs.Core.Data;
using FaceJobs.Web.Pages.Shared;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FaceJobs.Tests.Unit.Web;

public sealed class StageBadgeTagHelperTests
{
    [Fact]
    public void Process_WritesTheStageLinkedToItsJob_WhenTheStageHasAJob()
    {
        var html = Render(new StageBadgeTagHelper { Label = "detect", Status = StageStatus.Succeeded, JobId = "42" });

        Assert.Equal(
            """<span class="stage stage-succeeded" data-stage="detect">detect: <strong>Succeeded</strong> """ +
            """<a href="/hangfire/jobs/details/42" title="Open job 42 in the dashboard">job 42</a></span>""",
            html);
    }

    [Fact]
    public void Process_WritesNoLink_WhenTheStageHasNoJob()
    {
        var html = Render(new StageBadgeTagHelper { Label = "alert", Status = StageStatus.Pending });

        Assert.Equal("""<span class="stage stage-pending" data-stage="alert">alert: <strong>Pending</strong></span>""", html);
    }

    [Fact]
    public void Process_EncodesTheJobId_WhenItHoldsMarkup()
    {
        var html = Render(new StageBadgeTagHelper { Label = "detect", Status = StageStatus.Failed, JobId = "\"><script>x()</script>" });

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("/hangfire/jobs/details/&quot;&gt;", html);
    }

    private static string Render(StageBadgeTagHelper badge)
    {
        var context = new TagHelperContext("stage-badge", [], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("stage-badge", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        badge.Process(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
