using FaceJobs.Web.Accounts;
using FaceJobs.Web.Hosting;

if (AccountsCommand.Handles(args))
    return await AccountsCommand.RunAsync(args, Console.In, Console.Out, Console.Error);

var app = await FaceJobsApp.CreateAsync(args);
await app.RunAsync();
return 0;
