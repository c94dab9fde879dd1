using System.Globalization;
using FaceJobs.Eval;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var arguments = CommandLine.Parse(args);
return arguments.Command switch
{
    "verify" when arguments.Positional.Count == 1 => new VerifyCommand(arguments).Run(),
    "detect" when arguments.Positional.Count == 2 => new DetectCommand(arguments).Run(),
    "compose" when arguments.Positional.Count == 2 => new ComposeCommand(arguments).Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Vision options for every command: [--detector BlazeFace|Ssd] [--aligner Keypoints|Landmarks68] [--mirror on|off]
            [--tiling on|off] [--score s]; the defaults are the app's (FaceOptions).
        FaceJobs.Eval verify <folder> [--pairs pairs.csv] [--threshold t] [--dump-chips dir]
            <folder>/<identity>/<image>; pairs.csv rows "imageA,imageB" relative to <folder> (default: every pair).
        FaceJobs.Eval detect <folder> <boxes.csv>
            boxes.csv rows "file,x,y,w,h" (file relative to <folder>); counts a detection when IoU >= 0.5.
        FaceJobs.Eval compose <photos> <out> [--sizes 12,16,24,32,48,64,96] [--per-size 8] [--canvas 3200x2400]
            pastes the faces of <photos>/*.jpg small onto a large canvas: <out>/small-faces.jpg + <out>/boxes.csv.
        """);
    return 2;
}
