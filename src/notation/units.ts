/**
 * Where a table prints an indicator's unit. Some print it in a column of its own, some after the
 * name in brackets (被害額（千円）), some glued to every figure (57,808人/年); a unit after the name
 * where the figures carry it already reads twice.
 */

const FIGURE = /[0-9０-９]/;
const SPACE = /\s/g;

/** Whether every figure among `texts` carries `unit` glued (57,808人/年): the texts without a figure are left out. */
export function unitInEveryFigure(unit: string, texts: readonly string[]): boolean {
  const bare = unit.replace(SPACE, '');
  const figures = texts.filter((t) => FIGURE.test(t)).map((t) => t.replace(SPACE, ''));
  return bare !== '' && figures.length > 0 && figures.every((t) => t.includes(bare));
}

/**
 * The unit in brackets to print after a name (（千円）): nothing where there is no unit (（-） would
 * read as a unit called -) or where every figure carries it.
 */
export function unitAfterName(unit: string | null | undefined, figures: readonly string[]): string {
  return unit && !unitInEveryFigure(unit, figures) ? `（${unit}）` : '';
}
