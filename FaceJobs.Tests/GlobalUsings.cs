global using Xunit;
global using FaceJobs.Testing;
