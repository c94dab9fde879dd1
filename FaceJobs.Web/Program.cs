using FaceJobs.Web.Hosting;

var app = await FaceJobsApp.CreateAsync(args);
await app.RunAsync();
