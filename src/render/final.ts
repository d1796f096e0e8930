import { EXTRACTION_DOUBT_RULE } from '../evaluate/doubts.js';
import { t } from '../model/i18n.js';
import { errorMessage } from '../model/messages.js';
import type { Message, NarrativeDocument, TasseiDocument } from '../model/types.js';
import { blankIndicators } from '../model/walk.js';
import { placeName } from '../diff/format.js';

/**
 * What keeps a document from going out as final (確定版: `render --final`, for the council):
 * an actual still blank (未記入), a narrative policy whose results are still the draft carried
 * over from last year's plans (draft: true), and a reading of its PDF that the extractor's
 * self-check doubts. Each is named by its place. Pure.
 */

/** A narrative whose results are still drafts is printed （案） and is not final. */
export function isNarrativeDraft(doc: NarrativeDocument): boolean {
  return doc.goals.some((g) => g.policies.some((p) => p.draft === true));
}

function blankActuals(doc: TasseiDocument, file: string): Message[] {
  if (doc.kind !== 'kpi-progress') return [];
  return blankIndicators(doc).map((at) =>
    errorMessage(
      file,
      'render-blank',
      t(
        `実績が未記入です: ${placeName({ strategy: at.place.strategy!, strategyTitle: '', policy: at.place.policy, measure: at.place.measure }, true)} › ${at.indicator.name}`,
        `the actual is blank: strategy ${at.place.strategy} › ${at.place.policy === null ? 'goal' : `policy ${at.place.policy} › measure ${at.place.measure}`} › ${at.indicator.name}`,
      ),
      {
        path: `${at.path}.actual`,
        hint: t(
          '実績を記入するか、値がないときは "-" と書いてください。--final なしなら（案）として出力します',
          'fill in the actual, or write "-" where there is no data; without --final the report is printed as a draft (（案）)',
        ),
      },
    ),
  );
}

function draftResults(doc: TasseiDocument, file: string): Message[] {
  if (doc.kind !== 'narrative') return [];
  return doc.goals.flatMap((g, gi) =>
    g.policies.flatMap((p, pi): Message[] =>
      p.draft === true
        ? [
            errorMessage(
              file,
              'render-draft',
              t(
                `実績が下書き（前年度の計画のまま）です: 基本目標${g.no} › 基本方針${p.no} ${p.title}`,
                `the results are still a draft (last year's plans): goal ${g.no} › policy ${p.no} ${p.title}`,
              ),
              {
                path: `goals[${gi}].policies[${pi}].draft`,
                hint: t(
                  '実績に直したら draft: true を消してください。--final なしなら（案）として出力します',
                  'once the results are confirmed, remove draft: true; without --final the document is printed as a draft (（案）)',
                ),
              },
            ),
          ]
        : [],
    ),
  );
}

/** The extractor's doubts about its reading of a PDF, as reasons to refuse: the warning's place and message. */
export function doubtsOf(messages: readonly Message[]): Message[] {
  return messages.filter((m) => m.rule === EXTRACTION_DOUBT_RULE);
}

function doubtedReading(messages: readonly Message[]): Message[] {
  // The doubt's place (page, indicator, values) stays; what it says and what to do are the render's.
  return doubtsOf(messages).map(({ severity: _severity, rule: _rule, file, message, hint: _hint, ...at }) =>
    errorMessage(file, 'render-doubted', t(`PDF の読み取りに疑いがあります: ${message.ja}`, `the reading of the PDF is in doubt: ${message.en}`), {
      ...at,
      hint: t(
        'PDF と見比べて YAML を直し（tassei extract -o）、その YAML から出力してください。--final なしなら（案）として出力します',
        'check against the PDF, correct the YAML (tassei extract -o) and render from it; without --final the document is printed as a draft (（案）)',
      ),
    }),
  );
}

/** A scheme that pro-rates targets by the plan's years without the plan (said on loading): its statuses are not computed. */
function planMissing(messages: readonly Message[]): Message[] {
  return messages.filter((m) => m.rule === 'scheme-plan').map((m) => errorMessage(m.file, 'scheme-plan', m.message, { ...(m.hint ? { hint: m.hint } : {}) }));
}

/**
 * Why a document may not go out as final, each reason at its place; none where it may.
 * `messages` are what reading it said (an extracted PDF's self-check, a scheme without its plan).
 */
export function reasonsNotFinal(doc: TasseiDocument, file: string, messages: readonly Message[]): Message[] {
  return [...blankActuals(doc, file), ...draftResults(doc, file), ...doubtedReading(messages), ...planMissing(messages)];
}
