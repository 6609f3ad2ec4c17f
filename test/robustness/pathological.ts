// Drafts with pathological text, for the CLI and the server: a megabyte
// without a full stop, ten thousand numbers in a sentence, deeply nested
// Markdown, every script, emoji and surrogate pairs at claim edges, a byte
// order mark, lone surrogates and mixed line ends.

export function pathologicalDrafts(): Record<string, string> {
  const scripts: string[] = [];
  for (let code = 0x41; code < 0x2fa1f && scripts.length < 3000; code += 53) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCodePoint(code);
    if (/\p{L}/u.test(ch)) scripts.push(ch.repeat(4));
  }
  const nested: string[] = [];
  for (let depth = 0; depth < 300; depth++) {
    nested.push(`${'> '.repeat(depth % 40)}${'  '.repeat(depth)}- *[item ${depth}](http://x.test/${depth})* ${depth % 3 === 0 ? 'The armoured train has a top speed of 88 km/h.' : ''}`);
  }
  return {
    'no-full-stop': 'The armoured train has ninety carriages and '.repeat(24_000),
    'ten-thousand-numbers': `The train has ${Array.from({ length: 10_000 }, (_, i) => String((i * 7919) % 100_000)).join(', ')} carriages.\n`,
    'nested-markdown': `${nested.join('\n')}\n\n${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    'every-script': `${scripts.join(' ')}. The armoured train has a top speed of 88 km/h.\n`,
    'emoji-edges': '😀The armoured train has a top speed of 88 km/h.😀\r\n\r\n👨‍👩‍👧 The train has 88 carriages 🇳🇴\r\n\r\n𝔗𝔥𝔢 train 𝔥𝔞𝔰 90 carriages.\ud800\r',
    'bom-and-line-ends': '\ufeff# Notes\r\n\r\nThe armoured train has a top speed of 88 km/h.\rThe train has ninety carriages.\n\n\ud83d lone \udc00 surrogates.\n',
  };
}
