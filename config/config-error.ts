/** A problem in `makesim.config.json`, located by a JSON pointer into the file. */
export interface ConfigProblem {
  pointer: string;
  message: string;
  /** What would fix it. */
  hint: string;
}

/** Thrown when the project config cannot be used; carries every problem found. */
export class ConfigError extends Error {
  readonly file: string;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[]) {
    const lines = problems.map((p) => `  ${p.pointer || '/'}: ${p.message} — ${p.hint}`);
    super(`${file}: invalid project config\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }
}
