import { DEFAULT_RENDER_OPTIONS, PAGE_NUMBER_FORMATS, type RenderOptions } from '../render/page-view.js';
import { oneOf } from './command.js';

/** Paper, page numbers and whose figures, from the options of `render` and `diff -o`. */
export function renderOptions(values: Record<string, string | boolean | undefined>): RenderOptions {
  return {
    paper: oneOf(values.paper, ['A4', 'A3'] as const, DEFAULT_RENDER_OPTIONS.paper, 'paper'),
    pageNumbers: oneOf(
      values['page-numbers'],
      Object.keys(PAGE_NUMBER_FORMATS) as RenderOptions['pageNumbers'][],
      DEFAULT_RENDER_OPTIONS.pageNumbers,
      'page-numbers',
    ),
    asPrinted: values['as-printed'] === true,
  };
}
