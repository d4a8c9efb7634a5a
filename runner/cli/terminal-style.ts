import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/**
 * Colour for a terminal, never when NO_COLOR is set (https://no-color.org), and also off a terminal when
 * FORCE_COLOR asks for it (CI logs that render ANSI; https://force-color.org). NO_COLOR wins; FORCE_COLOR=0 is off.
 */
export function colorEnabled(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY);
}

export function paint(style: Style, text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return colorEnabled(stream) ? styleText(style, text) : text;
}
