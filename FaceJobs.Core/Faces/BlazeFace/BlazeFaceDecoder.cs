namespace FaceJobs.Core.Faces.BlazeFace;

/// <summary>
/// Turns one output head (scores [A,1], regressors [A,16]) into candidates in input pixels. Regressors hold
/// the box centre offset from the anchor, box size, then six keypoints, all in input pixels.
/// </summary>
internal static class BlazeFaceDecoder
{
    private const int RegressorLength = 4 + (2 * FaceCandidate.KeypointCount);

    // MediaPipe clips raw scores to ±100 before the sigmoid.
    private const float ScoreClip = 100f;

    public static float Sigmoid(float raw) => 1f / (1f + MathF.Exp(-Math.Clamp(raw, -ScoreClip, ScoreClip)));

    public static void Decode(
        ReadOnlySpan<float> rawScores,
        ReadOnlySpan<float> regressors,
        ReadOnlySpan<(float X, float Y)> anchors,
        float scoreThreshold,
        float inputSize,
        List<FaceCandidate> into)
    {
        if (rawScores.Length != anchors.Length || regressors.Length != anchors.Length * RegressorLength)
        {
            throw new ArgumentException(
                $"Output sizes ({rawScores.Length} scores, {regressors.Length} regressors) do not match {anchors.Length} anchors.");
        }

        for (var i = 0; i < anchors.Length; i++)
        {
            var score = Sigmoid(rawScores[i]);
            if (score < scoreThreshold)
            {
                continue;
            }

            var r = regressors.Slice(i * RegressorLength, RegressorLength);
            var anchorX = anchors[i].X * inputSize;
            var anchorY = anchors[i].Y * inputSize;
            var centreX = anchorX + r[0];
            var centreY = anchorY + r[1];
            var keypoints = new float[2 * FaceCandidate.KeypointCount];
            for (var k = 0; k < FaceCandidate.KeypointCount; k++)
            {
                keypoints[2 * k] = anchorX + r[4 + (2 * k)];
                keypoints[(2 * k) + 1] = anchorY + r[5 + (2 * k)];
            }

            into.Add(new FaceCandidate(centreX - (r[2] / 2), centreY - (r[3] / 2), r[2], r[3], score, keypoints));
        }
    }
}
