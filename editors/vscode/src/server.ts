// Where the mlops-lint server is: the configured path, else the installed .NET tool.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface ServerCommand {
  command: string;
  args: string[];
}

/** The command that starts `mlops-lint server`. A configured `.dll` runs with `dotnet`; an empty setting finds the
 * .NET tool (`dotnet tool install -g MLOpsLint`) on PATH or in ~/.dotnet/tools. Undefined when nothing is found. */
export function findServer(configured: string, env: NodeJS.ProcessEnv = process.env): ServerCommand | undefined {
  if (configured.trim() !== '') {
    const file = expandHome(configured.trim());
    return file.toLowerCase().endsWith('.dll')
      ? { command: 'dotnet', args: [file, 'server'] }
      : { command: file, args: ['server'] };
  }
  const exe = process.platform === 'win32' ? 'mlops-lint.exe' : 'mlops-lint';
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  dirs.push(path.join(os.homedir(), '.dotnet', 'tools'));
  for (const dir of dirs) {
    const candidate = path.join(dir, exe);
    if (isFile(candidate)) return { command: candidate, args: ['server'] };
  }
  return undefined;
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
