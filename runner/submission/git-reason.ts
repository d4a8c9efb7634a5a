/**
 * What git itself said went wrong, from the text simple-git puts in its error: the `fatal:` / `error:` lines
 * (`fatal: unable to access '…': Failed to connect…`), not the `Cloning into '<our scratch folder>'…` progress line
 * that comes first. Our scratch path is replaced by `<clone>`: it means nothing to the reader and names our machine.
 */
export function gitReason(message: string, scratchDir?: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  const said = lines.filter((line) => /^(fatal|error|remote|ERROR):/i.test(line));
  const text = (said.length > 0 ? said : lines.filter((line) => !/^Cloning into /.test(line))).slice(0, 3).join(' ') || message.trim();
  return scratchDir ? text.split(scratchDir).join('<clone>') : text;
}
