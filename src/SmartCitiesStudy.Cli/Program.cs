using SmartCitiesStudy.Cli;

return await StudyCli.RunAsync(args, Console.Out, Console.Error);
