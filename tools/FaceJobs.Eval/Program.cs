using System.Globalization;
using FaceJobs.Eval;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var arguments = CommandLine.Parse(args);
return arguments.Command switch
{
    "verify" when arguments.Positional.Count == 1 => new VerifyCommand(arguments).Run(),
    "detect" when arguments.Positional.Count == 2 => new DetectCommand(arguments).Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        FaceJobs.Eval verify <folder> [--pairs pairs.csv] [--threshold t] [--tiling]
            <folder>/<identity>/<image>; pairs.csv rows "imageA,imageB" relative to <folder> (default: every pair).
        FaceJobs.Eval detect <folder> <boxes.csv> [--tiling] [--score s]
            boxes.csv rows "file,x,y,w,h" (file relative to <folder>); counts a detection when IoU >= 0.5.
        """);
    return 2;
}
