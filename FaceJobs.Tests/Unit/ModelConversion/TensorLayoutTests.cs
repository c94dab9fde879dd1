using FaceJobs.ModelConversion.Tfjs;
using Xunit;

namespace FaceJobs.Tests.Unit.ModelConversion;

public sealed class TensorLayoutTests
{
    [Fact]
    public void Transpose_MovesEveryElementToItsOihwPosition_WhenGivenHwioFilter()
    {
        int[] hwio = [2, 3, 4, 5];
        var data = Enumerable.Range(0, 2 * 3 * 4 * 5).Select(i => (byte)i).ToArray();

        var oihw = TensorLayout.Transpose(data, 1, hwio, TfjsWeightImporter.HwioToOihw);

        for (var o = 0; o < 5; o++)
            for (var i = 0; i < 4; i++)
                for (var h = 0; h < 2; h++)
                    for (var w = 0; w < 3; w++)
                    {
                        Assert.Equal(data[(((h * 3) + w) * 4 + i) * 5 + o], oihw[(((o * 4) + i) * 2 + h) * 3 + w]);
                    }
    }

    [Fact]
    public void Transpose_KeepsMultiByteElementsWhole_WhenElementSizeIsFour()
    {
        var data = BitConverter.GetBytes(1f).Concat(BitConverter.GetBytes(2f)).Concat(BitConverter.GetBytes(3f)).Concat(BitConverter.GetBytes(4f)).ToArray();

        var transposed = TensorLayout.Transpose(data, 4, [2, 2], [1, 0]);

        Assert.Equal([1f, 3f, 2f, 4f], Enumerable.Range(0, 4).Select(i => BitConverter.ToSingle(transposed, i * 4)));
    }

    [Fact]
    public void Transpose_Throws_WhenPermutationRepeatsAnAxis() =>
        Assert.Throws<ArgumentException>(() => TensorLayout.Transpose(new byte[4], 1, [2, 2], [0, 0]));
}
