// Run the real redis-cli against a port and return what it prints.
import { execFile } from 'node:child_process';

export function cli(port: number, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Trimmed: redis-cli ends an error line with an extra newline when not on a tty.
    execFile('redis-cli', ['-p', String(port), ...args], { encoding: 'latin1', maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout.trim());
    });
  });
}
