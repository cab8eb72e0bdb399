/** Read `--name value` and `--name=value` options. */
export function readOptions(args: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) continue;
    const eq = arg.indexOf("=");
    if (eq > 0) options.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith("--")) options.set(arg.slice(2), args[++i]!);
    else options.set(arg.slice(2), "");
  }
  return options;
}
