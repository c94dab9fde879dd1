#:package Microsoft.ML.OnnxRuntime
#:package SixLabors.ImageSharp
// Runs RetinaFace MobileNet-0.25 (npm retinaface@0.0.6, mnet.25_v2.onnx: fixed 640 x 640 RGB 0-255 input, insightface's
// face_rpn_* outputs at strides 32/16/8; not shipped, licence not established) on every photo of a boxes.csv and writes
// its boxes, for score-third-model.py. Evaluation only. Scale 1: the whole photo fitted into the input; scale s > 1: also
// a grid of overlapping tiles 1/s of the photo. Decoding follows the package's dist/index.js.
// Usage: dotnet run RetinaFaceProbe.cs -- <mnet.25_v2.onnx> <photo folder> <boxes.csv> <scale> <out.csv>
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

var (model, folder, boxesCsv, scale, outCsv) = (args[0], args[1], args[2], float.Parse(args[3], CultureInfo.InvariantCulture), args[4]);
using var opts = new SessionOptions { IntraOpNumThreads = 1 };
using var session = new InferenceSession(model, opts);
var files = File.ReadLines(boxesCsv).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();
using var w = new StreamWriter(outCsv);
w.WriteLine("file,x,y,w,h,score");
var sw = System.Diagnostics.Stopwatch.StartNew();
foreach (var f in files)
{
    using var img = Image.Load<Rgb24>(Path.Combine(folder, f));
    var faces = Retina(img, scale);
    foreach (var d in Nms(faces, 0.4f))
        w.WriteLine(string.Join(",", f, F(d.X), F(d.Y), F(d.W), F(d.H), F(d.S)));
}
Console.Error.WriteLine($"{files.Count} photos, {sw.ElapsedMilliseconds / (double)files.Count:0} ms/photo");

static string F(float v) => v.ToString("0.###", CultureInfo.InvariantCulture);

List<Det> Retina(Image<Rgb24> img, float s)
{
    var result = new List<Det>();
    var tiles = new List<Rectangle> { new(0, 0, img.Width, img.Height) };
    if (s > 1)
    {
        int tw = (int)(img.Width / s), th = (int)(img.Height / s);
        int n = (int)Math.Ceiling(s * 1.5);
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++)
            tiles.Add(new Rectangle((int)((img.Width - tw) * (c / (n - 1.0))), (int)((img.Height - th) * (r / (n - 1.0))), tw, th));
    }
    foreach (var t in tiles) result.AddRange(RetinaTile(img, t));
    return result;
}

List<Det> RetinaTile(Image<Rgb24> img, Rectangle t)
{
    const int S = 640;
    float k = Math.Min(S / (float)t.Width, S / (float)t.Height);
    int W = (int)(t.Width * k), H = (int)(t.Height * k);
    using var r = img.Clone(x => x.Crop(t).Resize(W, H));
    var data = new float[3 * S * S];
    for (int y = 0; y < H; y++) for (int x = 0; x < W; x++)
    { var p = r[x, y]; data[y * S + x] = p.R; data[S * S + y * S + x] = p.G; data[2 * S * S + y * S + x] = p.B; }
    using var input = OrtValue.CreateTensorValueFromMemory(data, [1, 3, S, S]);
    using var outs = session.Run(new RunOptions(), [session.InputNames[0]], [input], session.OutputNames);
    var byName = session.OutputNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => outs[p.i]);
    var result = new List<Det>();
    foreach (var (stride, scales) in new[] { (32, new[] { 32f, 16f }), (16, new[] { 8f, 4f }), (8, new[] { 2f, 1f }) })
    {
        var score = byName["face_rpn_cls_prob_reshape_stride" + stride].GetTensorDataAsSpan<float>().ToArray();
        var bb = byName["face_rpn_bbox_pred_stride" + stride];
        var dims = bb.GetTensorTypeAndShape().Shape; var bbox = bb.GetTensorDataAsSpan<float>().ToArray();
        int h = (int)dims[2], wd = (int)dims[3], off = h * wd, na = scales.Length;
        for (int q = 0; q < na; q++)
        {
            float aw = 16 * scales[q], c0 = 8 - aw / 2;
            for (int i = 0; i < h; i++) for (int j = 0; j < wd; j++)
            {
                int idx = i * wd + j; var prob = score[(q + na) * off + idx]; if (prob < 0.2f) continue;
                float cx = c0 + j * stride + aw * 0.5f, cy = c0 + i * stride + aw * 0.5f;
                float dx = bbox[q * 4 * off + idx], dy = bbox[q * 4 * off + idx + off], dw = bbox[q * 4 * off + idx + 2 * off], dh = bbox[q * 4 * off + idx + 3 * off];
                float pcx = cx + aw * dx, pcy = cy + aw * dy, pw = aw * MathF.Exp(dw), ph = aw * MathF.Exp(dh);
                result.Add(new Det(t.X + (pcx - pw / 2) / k, t.Y + (pcy - ph / 2) / k, pw / k, ph / k, prob));
            }
        }
    }
    return result;
}

static List<Det> Nms(List<Det> d, float iou)
{
    var kept = new List<Det>();
    foreach (var a in d.OrderByDescending(x => x.S))
        if (kept.All(b => IoU(a, b) <= iou)) kept.Add(a);
    return kept;
}
static float IoU(Det a, Det b)
{
    float x0 = Math.Max(a.X, b.X), y0 = Math.Max(a.Y, b.Y), x1 = Math.Min(a.X + a.W, b.X + b.W), y1 = Math.Min(a.Y + a.H, b.Y + b.H);
    float i = Math.Max(0, x1 - x0) * Math.Max(0, y1 - y0); return i / (a.W * a.H + b.W * b.H - i);
}
record Det(float X, float Y, float W, float H, float S);
