// The largest scenario file Holdout reads, in the command-line runner and in the browser's file
// opener alike. A scenario is a few kilobytes; MODEL.md's largest valid files are well under a
// megabyte. Anything bigger is refused before it is read, with this figure in the message.
export const MAX_SCENARIO_FILE_BYTES = 64 * 1024 * 1024;

/** 64 MiB, 512 KiB, 100 bytes. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
