using Standards.Adoption;
using Standards.Tool;

return CommandLine.Run(args, Console.Out, Console.Error, new ProcessCommandRunner());
