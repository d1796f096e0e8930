import type { LineCounter } from 'yaml';
import { t } from '../model/i18n.js';
import { errorMessage } from '../model/messages.js';
import type { Message } from '../model/types.js';

/** What a YAML file may ask of the readers (aliases, nesting) before it is taken for an attack, and the messages that refuse it. */

/** An alias (`*name`) where a value starts: such a file is read by the `yaml` library, which limits them. */
export const ALIAS = /(?:^|[\s,[{:-])\*[^\s,[\]{}]/;
/**
 * Alias uses allowed, counted as the `yaml` library counts them (each weighted by what it
 * expands to): a person may write a few anchors; a thousand-fold expansion is an attack.
 */
export const MAX_ALIAS_COUNT = 100;

/** Nesting so deep that it overflows the readers' recursion. */
export const TOO_DEEP = (file: string): Message =>
  errorMessage(file, 'yaml-too-deep', t('入れ子が深すぎて読めません', 'nested too deep to be read'), {
    hint: t('報告書の YAML か確かめてください', "check that this is a report's YAML"),
  });

/** Too many alias expansions, placed at the file's first alias. */
export function tooManyAliases(text: string, lines: LineCounter, file: string): Message {
  const alias = ALIAS.exec(text);
  const pos = lines.linePos(alias ? alias.index + alias[0].indexOf('*') : 0);
  return errorMessage(
    file,
    'yaml-aliases',
    t(
      `別名（*名前）の展開が多すぎます（上限 ${MAX_ALIAS_COUNT}）: 小さな文書が巨大な文書に膨らむ形です`,
      `too many alias expansions (at most ${MAX_ALIAS_COUNT}): a small file that would expand to a huge document`,
    ),
    {
      line: pos.line,
      column: pos.col,
      hint: t('別名（& と *）を使わず、値をそのまま書いてください', 'write the values out instead of using anchors and aliases (& and *)'),
    },
  );
}
