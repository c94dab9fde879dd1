namespace FaceJobs.Core.Faces;

/// <summary>Distance between two face descriptors (Euclidean, as dlib compares them).</summary>
public static class DescriptorDistance
{
    public static float Euclidean(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Descriptors differ in length ({a.Length} and {b.Length}).");
        }

        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return (float)Math.Sqrt(sum);
    }
}
