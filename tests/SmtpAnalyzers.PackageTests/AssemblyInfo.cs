using Xunit;

// The tests start dotnet builds that each want both cores, and the consumer tests share one packed package
// (a class fixture): run them one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
