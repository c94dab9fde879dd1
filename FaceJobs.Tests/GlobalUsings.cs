global using FaceJobs.Testing;
global using Xunit;
