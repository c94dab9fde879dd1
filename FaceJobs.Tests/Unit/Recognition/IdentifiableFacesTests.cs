using FaceJobs.Core.Data;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Recognition;
using Microsoft.Extensions.Options;
using Xunit;

namespace FaceJobs.Tests.Unit.Recognition;

public sealed class IdentifiableFacesTests
{
    [Theory]
    [InlineData(100, 100, 111, 100, true)] // 11 px apart
    [InlineData(100, 100, 112, 100, false)] // 12 px, the limit
    [InlineData(100, 100, 108, 109, false)] // tilted: 12.04 px
    public void IsTooSmall_ComparesTheEyeDistanceWithTheLimit_WhenFaceHasKeypoints(float rightX, float rightY, float leftX, float leftY, bool expected)
    {
        var faces = new IdentifiableFaces(Options.Create(new RecognitionOptions { MinInterEyeDistance = 12 }));

        Assert.Equal(expected, faces.IsTooSmall(FaceWith([rightX, rightY, leftX, leftY, 105, 110, 105, 115])));
    }

    [Fact]
    public void IsTooSmall_IsTrue_WhenFaceHasNoEyeKeypoints()
    {
        var faces = new IdentifiableFaces(Options.Create(new RecognitionOptions { MinInterEyeDistance = 12 }));

        Assert.True(faces.IsTooSmall(FaceWith([])));
    }

    private static Face FaceWith(float[] keypoints) => new() { Keypoints = DescriptorBlob.ToBytes(keypoints), Width = 40, Height = 40 };
}
