/** Prints a measured figure of an acceptance test, so the run shows it (vitest keeps test stdout). */
export function printFigure(line: string): void {
  process.stdout.write(`${line}\n`);
}
